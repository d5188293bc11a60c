"""`python -m summarizer ...` is `summarize ...`."""

from summarizer.cli import main

if __name__ == "__main__":
    main()
