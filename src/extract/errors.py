"""Errors the package raises; every message says where and what."""


class ExtractError(Exception):
    """Root of the package's errors."""


class PatternError(ExtractError):
    """The pattern files are wrong: each problem names its file and rule id."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class InputError(ExtractError):
    """An article or table cannot be read: the message names the path and the reason."""
