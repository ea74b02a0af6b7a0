from kzict.site.build import main

raise SystemExit(main())
