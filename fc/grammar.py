"""Guided tool calls: inside a `<tool_call>` block the model can only write a call of a declared tool whose
arguments fit its JSON schema.

A small model invents tool names (`draw_bee`), leaves out required arguments, adds unknown ones and writes
unquoted values (`{"artist": Taylor Swift}`). `ToolCallGrammar`, a transformers LogitsProcessor, leaves
free text alone; once a reply's text ends with `<tool_call>` it allows only the tokens that keep
`{"name": ..., "arguments": {...}}` valid for one of the declared tools (lm-format-enforcer's JSON-schema
parser walking the tokenizer's vocabulary; one whitespace at a time), then writes `\n</tool_call>`. Within
what the schemas allow the model still chooses the tool, the values, the optional arguments, and whether
another call follows the block.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import jsonschema
import torch
from transformers import LogitsProcessor

from fc.prompt import CALL_CLOSE, CALL_OPEN

log = logging.getLogger(__name__)
OPEN, CLOSE = CALL_OPEN, "\n" + CALL_CLOSE  # around a call's JSON, as fc.prompt.format_tool_call writes it


def call_schema(tools: list[dict]) -> dict:
    """One JSON schema for `{"name": ..., "arguments": {...}}` calling any of `tools`."""
    options = []
    for tool in tools:
        fn = tool.get("function", tool)
        arguments = fn.get("parameters") or {"type": "object", "properties": {}}
        options.append({"type": "object", "properties": {"name": {"const": fn["name"]}, "arguments": arguments},
                        "required": ["name", "arguments"]})
    return {"anyOf": options}


class VocabularyIndex:
    """The tokenizer's vocabulary as lm-format-enforcer needs it (built once per tokenizer, ~1 s)."""

    def __init__(self, tokenizer):
        from lmformatenforcer import TokenEnforcerTokenizerData

        special = set(tokenizer.all_special_ids)
        zero = tokenizer.encode("0", add_special_tokens=False)[-1]
        regular = []
        for token_id in range(len(tokenizer)):
            if token_id in special:
                continue
            # decoded after "0" to keep a word-initial space, which decoding a lone token drops
            after_zero = tokenizer.decode([zero, token_id])[1:]
            regular.append((token_id, after_zero, len(after_zero) > len(tokenizer.decode([token_id]))))
        self.data = TokenEnforcerTokenizerData(
            regular, lambda ids: tokenizer.decode(ids).rstrip("\ufffd"), tokenizer.eos_token_id,
            use_bitmask=False, vocab_size=len(tokenizer))
        # every character a string value may hold: lm-format-enforcer's alphabet is the tokenizer's one-character
        # tokens, but byte-level BPE writes most CJK characters in byte pieces, so those would end the JSON
        self.alphabet = "".join(sorted(set(self.data.tokenizer_alphabet).union(
            map(chr, [*range(0x20, 0xD800), *range(0xE000, 0xFFFE), *range(0x1F000, 0x1FB00)]))))
        self.tokenizer = tokenizer
        self.close_ids = tokenizer(CLOSE, add_special_tokens=False)["input_ids"]
        self.by_text: dict[str, list[int]] = {}  # a token's text (word-initial space kept) -> its ids
        for token_id, text, _ in regular:
            self.by_text.setdefault(text, []).append(token_id)
        self.closers = [token_id for token_id, text, _ in regular if text.startswith('"')]  # may end a string


def argument_string(call_text: str) -> tuple[str, str] | None:
    """Where the JSON of a call stands, for copying: ("in", what is written so far of the string value being
    written inside its "arguments"), ("start", "") where such a value may start, else None."""
    stack: list[list] = []  # [bracket, expecting a key?]
    in_string = escaped = is_key = False
    value: list[str] = []
    for char in call_text:
        if in_string:
            if escaped:
                escaped = False
                value.append(char)
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            else:
                value.append(char)
        elif char in "{[":
            stack.append([char, char == "{"])
        elif char in "}]":
            stack.pop() if stack else None
        elif char == ":" and stack:
            stack[-1][1] = False
        elif char == "," and stack and stack[-1][0] == "{":
            stack[-1][1] = True
        elif char == '"':
            in_string, value = True, []
            is_key = bool(stack) and stack[-1][0] == "{" and stack[-1][1]
    if len(stack) < 2:  # the call object itself: its "name" is not copied
        return None
    if in_string:
        return None if is_key else ("in", "".join(value))
    expecting_value = (stack[-1][0] == "{" and not stack[-1][1]) or stack[-1][0] == "["
    tail = call_text.rstrip()
    return ("start", "") if expecting_value and tail and tail[-1] in ":,[" else None


def _is_cjk(char: str) -> bool:
    return "\u3040" <= char <= "\u30ff" or "\u3400" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af"


def copy_tokens(vocabulary: VocabularyIndex, state: tuple[str, str], source: str, longest: int = 16) -> set[int]:
    """The tokens that continue the argument string being written as a copy of a span of `source`: after what
    is written so far (or its closing quote where that ends a word of the span), or, where a value starts, its
    opening quote (alone, or with a span's first characters)."""
    kind, written = state
    ids: set[int] = set()
    if kind == "in" and written:
        starts = [i + len(written) for i in range(len(source)) if source.startswith(written, i)]
        openers = [""]
        if any(end == len(source) or not source[end].isalnum() or _is_cjk(source[end]) for end in starts):
            ids.update(vocabulary.closers)
    else:  # a new span starts at a word (or at any CJK character)
        starts = [i for i, c in enumerate(source) if c.isalnum() and (i == 0 or not source[i - 1].isalnum()
                                                                      or _is_cjk(c))]
        openers = [""] if kind == "in" else ['"', ' "']
    if kind == "start":
        ids.update(i for opener in openers for i in vocabulary.by_text.get(opener, ()))
    for start in starts:
        rest = source[start:start + longest]
        for opener in openers:
            for n in range(1, len(rest) + 1):
                ids.update(vocabulary.by_text.get(opener + rest[:n], ()))
    return ids


@dataclass
class _Call:
    """One open `<tool_call>` block of one row."""
    start: int  # index (in the row's new tokens) of the token that completed OPEN
    enforcer: object | None  # follows the JSON; None once the JSON is complete
    closing: list[int]  # the tokens of CLOSE still to write


class ToolCallGrammar(LogitsProcessor):
    """Constrain each open `<tool_call>` block to a valid call of that row's tools (see module docstring).

    `tools` holds one tool list per row of the batch. A row whose schemas the parser cannot handle is
    left unconstrained. With `copy_bias` > 0, inside a string argument the tokens that go on copying a span of
    the row's `sources` text (its conversation) get that much added to their logits (`copy_tokens`)."""

    def __init__(self, vocabulary: VocabularyIndex, tools: list[list[dict]], prompt_length: int,
                 sources: list[str] | None = None, copy_bias: float = 0.0):
        self.vocabulary, self.prompt_length = vocabulary, prompt_length
        self.tools = tools
        self.sources, self.copy_bias = sources, copy_bias
        self.open: dict[int, _Call] = {}
        self.done: dict[int, int] = {}  # row -> characters of its text already handled

    def _new_call(self, row: int, text_after_open: str):
        from lmformatenforcer import CharacterLevelParserConfig, JsonSchemaParser, TokenEnforcer

        # one whitespace at a time, as in our compact JSON: no runs of spaces or newlines
        config = CharacterLevelParserConfig(alphabet=self.vocabulary.alphabet, max_consecutive_whitespaces=1)
        schema = call_schema(self.tools[row])
        jsonschema.Draft202012Validator.check_schema(schema)  # SchemaError: not a schema to follow
        parser = JsonSchemaParser(schema, config)  # skips the newline before the JSON
        for char in text_after_open:  # characters that came in the same token as OPEN's end
            parser = parser.add_character(char)
        enforcer = TokenEnforcer(self.vocabulary.data, parser)
        parser.config = config  # TokenEnforcer replaced it with a default one
        return enforcer

    def _finish(self, row: int, new_tokens: list[int]) -> None:
        self.open.pop(row, None)
        self.done[row] = len(self.vocabulary.tokenizer.decode(new_tokens))

    def _allowed(self, row: int, new_tokens: list[int]) -> list[int] | None:
        """The tokens row `row` may write next, or None for any."""
        call = self.open.get(row)
        if call is None:
            text = self.vocabulary.tokenizer.decode(new_tokens)
            at = text.rfind(OPEN, self.done.get(row, 0))
            if at < 0 or not self.tools[row]:
                return None
            self.done[row] = at + len(OPEN)
            try:  # checked at every step, so OPEN was completed by the newest token
                enforcer = self._new_call(row, text[at + len(OPEN):])
            except Exception as e:  # noqa: BLE001 - an unsupported schema must not stop generation
                log.warning("tool call left unconstrained: %s", e)
                return None
            call = self.open[row] = _Call(len(new_tokens) - 1, enforcer, list(self.vocabulary.close_ids))
        if call.enforcer is not None:
            sequence = new_tokens[call.start:]
            try:
                allowed = call.enforcer.get_allowed_tokens(sequence).allowed_tokens
                if not call.enforcer.prefix_states[tuple(sequence)].parser.can_end():
                    return allowed
            except Exception as e:  # noqa: BLE001
                log.warning("tool call left unconstrained: %s", e)
                self._finish(row, new_tokens)
                return None
            call.enforcer = None  # the JSON is complete: close the block
        if call.closing:
            return [call.closing.pop(0)]
        self._finish(row, new_tokens)  # free text again (another call may follow)
        return None

    def _copying(self, row: int, new_tokens: list[int], allowed: list[int]) -> list[int]:
        """The allowed tokens that go on copying a span of the row's conversation (see `copy_tokens`)."""
        call = self.open.get(row)
        if not (self.copy_bias and self.sources and call and call.enforcer is not None):
            return []
        text = self.vocabulary.tokenizer.decode(new_tokens[call.start:])  # from the token that completed OPEN
        state = argument_string(text[text.index(">") + 1:])
        if state is None:
            return []
        return list(copy_tokens(self.vocabulary, state, self.sources[row]).intersection(allowed))

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        for row, ids in enumerate(input_ids[:, self.prompt_length:].tolist()):
            allowed = self._allowed(row, ids) if ids else None
            if allowed:
                keep = torch.full_like(scores[row], torch.finfo(scores.dtype).min)
                keep[allowed] = scores[row, allowed]
                copying = self._copying(row, ids, allowed)
                if copying:
                    keep[copying] += self.copy_bias
                scores[row] = keep
        return scores
