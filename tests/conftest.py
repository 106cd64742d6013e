import pytest

from extract.pipeline import Extractor
from extract.rules import load_rules


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def extractor(rules):
    return Extractor(rules)
