"""The training loss, and the trainer that scores the LM head only where there is a label.

`TokenLoss` is the mean token cross-entropy over the labelled positions (assistant replies), with each
assistant turn's first token, where the model decides between calling a tool and answering, counted
`decision_weight` times.

Most positions of our rows carry no label (tool schemas, user turns, tool results), so scoring the LM head
there is wasted work. What TRL 1.16 offers for that, and why none of it does it off CUDA:
- its loss (`loss_type="nll"`, the default, or `"dft"`) runs TRL's fused LM head (`add_fused_lm_head` in
  `trl/trainer/utils.py`), which projects only the labelled positions where Triton runs (CUDA/XPU:
  `_use_triton` in `trl/kernels/chunked_logprob.py`) and every position elsewhere; it takes no token weights;
- `compute_loss_func` (transformers' `Trainer` argument, which `SFTTrainer` accepts) is deprecated in TRL
  1.16 ("subclass SFTTrainer and override compute_loss instead"), and TRL hands it the full logits and then
  runs a second, gradient-free forward for its metrics: slower, not faster;
- `use_liger_kernel` is deprecated, its kernels are Triton (GPU) ones, and TRL refuses Liger's fused linear
  cross-entropy, which would replace its own fused head;
- `padding_free` and `packing` drop padding (with FlashAttention, on CUDA), not unlabelled positions;
  `completion_only_loss` and `assistant_only_loss` decide which positions get labels (ours come from the
  assistant masks), not where the head runs;
- `SFTTrainer` passes no `logits_to_keep` to the model. transformers' causal LMs take one, and a boolean
  (batch, length) mask there keeps only those positions' logits (`slice_logits_to_keep`), after the model's
  own logit scaling or soft-capping: that is what `supervised_head_trainer` passes.

So `supervised_head_trainer` is an `SFTTrainer` whose one addition is that head: off CUDA/XPU, or whenever
the decision weight is not 1, its loss is its `TokenLoss` of the logits at the labelled positions; otherwise
it is TRL's own. Models with a router loss (mixtures of experts), or whose forward takes no `logits_to_keep`,
always get TRL's loss, so for them a decision weight other than 1 is an error.
"""
from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass


@dataclass(frozen=True)
class TokenLoss:
    """Mean token cross-entropy, each assistant turn's first token weighted `decision_weight` times."""

    decision_weight: float = 1.0

    @property
    def plain(self) -> bool:
        return self.decision_weight == 1.0

    def __call__(self, logits, labels, num_items_in_batch=None):
        """The loss of a batch, in the form of transformers' `compute_loss_func`, but from the logits of the
        labelled positions only: `logits` has one row for each position whose next token has a label
        (`labels[:, 1:] != -100`, row by row); `labels` are the collator's (-100: no loss);
        `num_items_in_batch` counts the labels of the whole accumulated batch (None: of this one)."""
        import torch

        labels = labels[:, 1:]
        labelled = labels != -100
        losses = torch.nn.functional.cross_entropy(logits.float(), labels[labelled], reduction="none")
        if not self.plain:  # the first labelled token of each assistant turn
            first = labelled & ~torch.nn.functional.pad(labelled[:, :-1], (1, 0), value=False)
            losses = torch.where(first[labelled], losses * self.decision_weight, losses)
        count = labelled.sum() if num_items_in_batch is None else num_items_in_batch
        return losses.sum() / torch.as_tensor(count).clamp(min=1)


@functools.lru_cache(maxsize=1)
def supervised_head_trainer():
    """The `SFTTrainer` subclass, `(..., loss=TokenLoss(...))` (made on first use: importing this module does
    not import TRL)."""
    import torch
    from trl import SFTTrainer

    class SupervisedHeadSFTTrainer(SFTTrainer):
        def __init__(self, *args, loss: TokenLoss = TokenLoss(), **kwargs):
            super().__init__(*args, **kwargs)
            self.loss = loss
            base = self.model.get_base_model() if hasattr(self.model, "get_base_model") else self.model
            self.head_fits = ("logits_to_keep" in inspect.signature(type(base).forward).parameters
                              and not self.aux_loss_enabled)
            if not (self.head_fits or loss.plain):
                raise ValueError(f"decision_weight {loss.decision_weight} cannot be applied to "
                                 f"{type(base).__name__} (a router loss, or no logits_to_keep in its forward); "
                                 "train it with decision_weight 1")

        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            if (return_outputs or not self.head_fits
                    or (self.loss.plain and self.args.device.type in ("cuda", "xpu"))):
                return super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            labels = inputs["labels"]
            keep = torch.nn.functional.pad(labels[:, 1:] != -100, (0, 1), value=False)  # positions to score
            model_inputs = {key: value for key, value in inputs.items() if key != "labels"}
            with self.accelerator.autocast():  # what the prepared model's forward applies (bf16)
                logits = model(**model_inputs, logits_to_keep=keep, use_cache=False).logits
            loss = self.loss(logits, labels, num_items_in_batch)
            if logits.numel():
                accuracy = (logits.detach().argmax(-1) == labels[:, 1:][keep[:, :-1]]).float().mean().item()
                self._metrics["train" if model.training else "eval"]["mean_token_accuracy"].append(accuracy)
            return loss

    return SupervisedHeadSFTTrainer
