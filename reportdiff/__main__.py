import sys

from reportdiff.cli import main

sys.exit(main())
