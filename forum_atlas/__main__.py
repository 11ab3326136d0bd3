import sys

from forum_atlas.cli import main

sys.exit(main())
