"""The command-line jobs: parsing the options, --demo, --import, --export and --screenshot."""
