"""anhui-kg: a knowledge graph of the Anhui auto-industry alliance, read from news."""

__version__ = "0.1.0"
