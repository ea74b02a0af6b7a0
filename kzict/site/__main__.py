from kzict._extras import exit_unless_installed
from kzict.site.build import main

exit_unless_installed("site", "python -m kzict.site")

raise SystemExit(main())
