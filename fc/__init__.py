"""FunctionCall Studio runtime: tools, prompt format, parser, agent loop and model loading."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
ADAPTERS_DIR = ROOT / "adapters"
