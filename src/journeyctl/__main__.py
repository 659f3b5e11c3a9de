from journeyctl.cli.app import main

main()
