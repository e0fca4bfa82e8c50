"""Report × Theme → blocks (what is on the pages): the builder every section uses (``builder``), the blocks
(``blocks``), the charts asked for (``figures``), the contents (``contents``), the ordered story (``story``)
and one module per section, named like its model. Pure: nothing here draws."""
