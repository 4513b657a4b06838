"""FunctionCall Studio runtime: tools, prompt format, parser, agent loop and model loading."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
ADAPTERS_DIR = ROOT / "adapters"
# Least probability of a tool call for a reply to start one (fc.model.CallDecision); best F1 on val.
CALL_THRESHOLD = 0.4
