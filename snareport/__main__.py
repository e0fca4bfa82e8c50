"""`python -m snareport` runs the command line."""
from snareport.cli import run

run()
