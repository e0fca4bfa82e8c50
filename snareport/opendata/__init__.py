"""Open data → dataset folders in our input contract (police.uk street-level crime files)."""
from snareport.opendata.policeuk import ImportSummary, import_files

__all__ = ["ImportSummary", "import_files"]
