from pestle.cli import main

main()
