"""Generate a synthetic corpus of ITU resolutions, in the text format the parser reads.

Deterministic for a seed. Names come from the ontology: enacting bodies and their
sessions, addressees (bodies, officials, study groups, membership), topics. Each
resolution has a preamble citing other generated resolutions (sometimes an older
revision of them) and CS/CV provisions, and an operative part whose mandates are drawn
from a pool of asks, paraphrased, so that the same mandate recurs across conferences
(the overlaps to find). One text in ten is a draft revising its resolution ("MOD",
both revisions in the title), which gives supersedes chains.

Run: .venv/bin/python bench/generate.py --resolutions 2000 --seed 1 --out bench/corpus-2000
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from itukg.ontology import load_vocabulary

ASKS = [
    "continue to create cooperation mechanisms at secretariat level on matters of mutual interest",
    "report annually on the implementation of this resolution",
    "identify subjects of potential common interest to be addressed jointly",
    "facilitate the participation of developing countries through remote participation",
    "organize regional workshops on {topic} for developing countries",
    "maintain a database of activities relating to {topic}",
    "cooperate with the other Sectors on studies relating to {topic}",
    "avoid duplication of effort in the development of handbooks on {topic}",
    "submit proposals on {topic} to the next conference",
    "strengthen the support of regional offices for activities on {topic}",
    "publish guidelines on {topic} in all official languages of the Union",
    "assist Member States in building capacity on {topic}",
]
PARAPHRASES = [
    ("continue to", "further"),
    ("cooperate with", "collaborate with"),
    ("organize", "hold"),
    ("publish", "make available"),
    ("assist", "support"),
    ("strengthen", "enhance"),
    ("regional workshops", "regional seminars"),
]
PREAMBLE = [
    "that {topic} is of growing importance to all Sectors",
    "the need to avoid duplication of activities of the Sectors",
    "that the Sectors have identified common areas of work on {topic}",
    "the work done by the study groups on {topic} since the last conference",
]
GOVERNING = ("pp", "ra", "wtsa", "wtdc")
ADDRESSEES = (
    "secretary-general", "director-br", "director-tsb", "director-bdt", "rag", "tsag", "tdag",
    "itu-r-study-groups", "itu-t-study-groups", "itu-d-study-groups", "member-states",
    "sector-members", "council", "iscg",
)  # fmt: skip
CS_NUMBERS = (119, 86, 87, 88, 110, 111, 112, 134, 135, 136, 92, 115, 142, 147)
CV_NUMBERS = (151, 152, 153, 154, 193, 211, 214, 215)


def _the(name: str) -> str:
    return name if name[:1].isupper() and " " not in name and name.isupper() else f"the {name}"


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocabulary = load_vocabulary()
        self.topics = sorted(t.label for t in self.vocabulary.topics.values())
        self.sessions = {
            body: [s for s in self.vocabulary.sessions if s.body == body] for body in GOVERNING
        }
        self.names = {a: self.vocabulary.actors[a].label for a in ADDRESSEES}
        self.works: list[tuple[str, int, list]] = []  # (body, number, sessions of its revisions)

    def plan(self, count: int) -> None:
        numbers = {body: 1 for body in GOVERNING}
        for _ in range(count):
            body = self.rng.choice(GOVERNING)
            sessions = self.sessions[body]
            chosen = self.rng.sample(sessions, k=min(3, len(sessions)))
            history = sorted(chosen, key=lambda s: s.year)[: self.rng.randint(1, 3)]
            self.works.append((body, numbers[body], history))
            numbers[body] += 1

    def _citation(self) -> str:
        body, number, history = self.rng.choice(self.works)
        session = self.rng.choice(history)  # sometimes an older revision: outdated citations
        name = f"ITU-R {number}" if body == "ra" else str(number)
        acronym = self.vocabulary.acronym_of(body)
        return f"Resolution {name} (Rev. {session.place}, {session.year}) of {acronym}"

    def _ask(self, topic: str) -> str:
        ask = self.rng.choice(ASKS).format(topic=topic)
        for old, new in PARAPHRASES:
            if old in ask and self.rng.random() < 0.3:
                ask = ask.replace(old, new)
        return ask

    def text(self, index: int) -> tuple[str, str]:
        body, number, history = self.works[index]
        session = history[-1]
        draft = len(history) > 1 and self.rng.random() < 0.1
        topic = self.rng.choice(self.topics)
        enacting = self.vocabulary.actors[body].label
        if body == "ra":
            title_line = f"RESOLUTION ITU-R {number}-{len(history) - 1}"
            dated = [f"({session.year})", f"The {enacting},"]
        else:
            revision = f"Rev. {session.place}, {session.year}"
            if draft:
                before = history[-2]
                revision = f"Rev. {before.place}, {before.year} {session.place}, {session.year}"
            title_line = f"RESOLUTION {number} ({revision})"
            dated = [f"The {enacting} ({session.place}, {session.year}),"]
        lines = (["MOD"] if draft and body != "ra" else []) + [
            title_line,
            f"Coordination of work on {topic}",
            *dated,
            "recalling",
        ]
        for k in range(self.rng.randint(2, 5)):
            lines.append(f"{chr(97 + k)})\t{self._citation()}, on {self.rng.choice(self.topics)};")
        lines[-1] = lines[-1].rstrip(";") + ","
        lines.append("considering")
        cs = self.rng.choice(CS_NUMBERS)
        cv = self.rng.sample(CV_NUMBERS, 2)
        items = [p.format(topic=topic) for p in self.rng.sample(PREAMBLE, 2)]
        items.append(f"that No. {cs} of the Constitution and Nos. {cv[0]} and {cv[1]} of the "
                     "Convention apply")  # fmt: skip
        for k, item in enumerate(items):
            lines.append(f"{chr(97 + k)})\t{item}{',' if k == len(items) - 1 else ';'}")
        lines.append("resolves")
        for k in range(1, self.rng.randint(2, 4) + 1):
            who = self.names[self.rng.choice(ADDRESSEES)]
            lines.append(f"{k}\tthat {_the(who)} shall {self._ask(topic)};")
        lines[-1] = lines[-1].rstrip(";") + ","
        for _ in range(self.rng.randint(1, 3)):
            who = self.rng.sample(ADDRESSEES, self.rng.randint(1, 2))
            heading = " and ".join(_the(self.names[w]) for w in who)
            verb = self.rng.choice(("instructs", "invites", "requests"))
            lines.append(f"{verb} {heading}")
            count = self.rng.randint(1, 4)
            for k in range(1, count + 1):
                end = "," if k == count else ";"
                lines.append(f"{k}\tto {self._ask(self.rng.choice(self.topics))}{end}")
        kind = "draft" if draft else "in-force"
        name = f"{body}-{number:04d}-{session.year}-{kind}.txt"
        return name, "\n".join(lines) + "\n"


def generate(count: int, seed: int, out: Path) -> list[Path]:
    generator = Generator(seed)
    generator.plan(count)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        name, text = generator.text(index)
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resolutions", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("bench/corpus"))
    args = parser.parse_args()
    written = generate(args.resolutions, args.seed, args.out)
    print(f"wrote {len(written)} texts to {args.out}")


if __name__ == "__main__":
    main()
