"""``python -m makna.cli``: the same command as ``makna``, for environments without the script."""

from makna.cli import main

if __name__ == "__main__":
    main()
