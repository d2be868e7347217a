"""The command-line subcommands: each ``editor.commands.<name>`` has ``run(args) -> int``."""


class UsageError(Exception):
    """Bad input or usage; the message is printed as one line and the exit status is 2."""
