"""`python -m train.sft`: see `train.sft.run.main`."""
import sys

from train.sft.run import main

sys.exit(main())
