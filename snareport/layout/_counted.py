"""Report → the words that say what its offences are: "serious violence offences", or, for a source
that counts its own broad categories (police.uk), those categories and that they are broader."""
from __future__ import annotations

from snareport.models.report import Report


def what(report: Report) -> str:
    """'crimes in police.uk's violence and sexual offences, robbery and possession of weapons categories'
    for a source naming its categories; 'serious violence offences' otherwise."""
    names = [c[:1].lower() + c[1:] for c in report.data.categories]
    if not names:
        return "serious violence offences"
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"crimes in {_source(report)}'s {listed} categories"


def caveat(report: Report) -> str:
    """'These police.uk categories are broader than …' (one sentence), or '' for the full contract."""
    if not report.data.categories:
        return ""
    return (f"These {_source(report)} categories are broader than the Serious Violence Duty's definition of "
            "serious violence: violence and sexual offences also holds common assault, harassment and stalking.")


def _source(report: Report) -> str:
    name = report.data.source_name or "the source"
    return "police.uk" if "police.uk" in name else name
