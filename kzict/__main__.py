from kzict.cli import main

raise SystemExit(main())
