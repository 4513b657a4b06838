"""The training rows: sampled, chained into multi-turn chats and tokenised turn by turn.

The text is rendered by the one prompt renderer (`fc.prompt.render`), so the ids the model is trained on are
exactly the inference prompt ids followed by the reply ids; only assistant replies (tool calls, answers, and
their end-of-turn token) are marked for loss.
"""
from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from fc.prompt import render
from train.dataset import load_jsonl, row_tools, validate_row
from train.sft.config import SFTJobConfig, project_path

END_OF_TURN_TOKENS = ("<|im_end|>", "<|eot_id|>", "<|end|>", "<end_of_turn>")
PAD_CANDIDATES = ("<|endoftext|>", "<pad>", "<|pad|>", "<|finetune_right_pad_id|>", "<unk>")


def stratified_sample(rows: list[dict], n: int, seed: int) -> list[dict]:
    """`n` rows keeping each `category`'s share (largest remainders), reproducibly; all rows when n <= 0."""
    if n <= 0 or n >= len(rows):
        return list(rows)
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[str(row.get("category", ""))].append(row)
    shares = {c: n * len(g) / len(rows) for c, g in sorted(groups.items())}
    counts = {c: int(s) for c, s in shares.items()}
    for c in sorted(shares, key=lambda c: counts[c] - shares[c])[: n - sum(counts.values())]:
        counts[c] += 1
    rng = random.Random(seed)
    picked = [row for c in sorted(groups) for row in rng.sample(groups[c], counts[c])]
    rng.shuffle(picked)
    return picked


def chain_conversations(rows: list[dict], per_chat: int, seed: int) -> list[dict]:
    """Join up to `per_chat` conversations that declare the same tools into one multi-turn chat.

    The tool declarations are most of a row's tokens; chained, they are paid once, so the same compute
    teaches several times more call / no-call decisions, each made after unrelated earlier turns as in a real
    chat. Rows with their own system message stay alone. Reproducible for a seed."""
    if per_chat <= 1:
        return list(rows)
    groups: dict[str, list[dict]] = defaultdict(list)
    chats: list[dict] = []
    for row in rows:
        if row["messages"][0]["role"] == "user":
            groups[json.dumps(row.get("tools"), sort_keys=True)].append(row)
        else:
            chats.append(row)
    for key in sorted(groups):
        group = groups[key]
        for i in range(0, len(group), per_chat):
            part = group[i:i + per_chat]
            chats.append(part[0] if len(part) == 1 else {
                "id": "+".join(str(r.get("id", "")) for r in part), "category": "chain", "tools": part[0].get("tools"),
                "messages": [m for r in part for m in r["messages"]]})
    random.Random(seed).shuffle(chats)
    return chats


def load_training_rows(config: SFTJobConfig, log: Callable[[str], None] = print) -> list[dict]:
    rows = load_jsonl(project_path(config.data))
    if config.include_corrections:
        from train.corrections import load_corrections

        corrections = load_corrections()
        valid = [row for row in corrections if not validate_row(row)]
        if len(valid) < len(corrections):
            log(f"skipped {len(corrections) - len(valid)} invalid correction row(s)")
        rows += valid
        log(f"added {len(valid)} correction row(s)")
    return stratified_sample(rows, config.max_rows, config.seed)


def _tokens(tokenizer, text: str) -> list[int]:
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def tokenize_conversation(tokenizer, messages: list[dict], tools: list[dict] | None) -> tuple[list[int], list[int]]:
    """(input_ids, assistant_masks) for one conversation: every assistant reply, with its end-of-turn token,
    has mask 1; everything else (system, user, tool results, role headers) has mask 0. The ids up to each
    reply are exactly what inference feeds the model (`render(..., add_generation_prompt=True)`)."""
    ids: list[int] = []
    mask: list[int] = []
    done = ""  # text covered so far
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        prompt = render(tokenizer, messages[:i], tools, add_generation_prompt=True)
        full = render(tokenizer, messages[: i + 1], tools)
        if not prompt.startswith(done) or not full.startswith(prompt):
            raise ValueError(
                "the chat template does not render conversations incrementally (a prompt is not a prefix of "
                f"the conversation that continues it, at message {i}); this base model's template cannot be "
                "trained with assistant-only loss here")
        for chunk, bit in ((prompt[len(done):], 0), (full[len(prompt):], 1)):
            chunk_ids = _tokens(tokenizer, chunk)
            ids += chunk_ids
            mask += [bit] * len(chunk_ids)
        done = full
    return ids, mask


@dataclass
class TokenizedRows:
    input_ids: list[list[int]]
    assistant_masks: list[list[int]]
    truncated: int  # rows cut to max_length (kept: they still have reply tokens)
    dropped: int  # rows with no reply token left after the cut
    lengths: list[int]  # lengths before truncation

    @property
    def median_length(self) -> int:
        return sorted(self.lengths)[len(self.lengths) // 2]


def tokenize_rows(rows: list[dict], tokenizer, max_length: int) -> TokenizedRows:
    out = TokenizedRows([], [], 0, 0, [])
    for row in rows:
        ids, mask = tokenize_conversation(tokenizer, row["messages"], row_tools(row))
        out.lengths.append(len(ids))
        if max_length and len(ids) > max_length:
            ids, mask = ids[:max_length], mask[:max_length]
            if not any(mask):
                out.dropped += 1
                continue
            out.truncated += 1
        out.input_ids.append(ids)
        out.assistant_masks.append(mask)
    return out


def ensure_pad_token(tokenizer) -> None:
    """Pad with a token that is neither EOS nor end-of-turn, so padding can never mask the stop token."""
    reserved = {tokenizer.eos_token, *END_OF_TURN_TOKENS}
    if tokenizer.pad_token is not None and tokenizer.pad_token not in reserved:
        return
    vocab = tokenizer.get_vocab()
    for token in (*PAD_CANDIDATES, tokenizer.unk_token):
        if token and token in vocab and token not in reserved:
            tokenizer.pad_token = token
            return
    tokenizer.add_special_tokens({"pad_token": "<|pad|>"})
