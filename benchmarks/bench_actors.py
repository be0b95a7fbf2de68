"""How fast actor names resolve to the dictionary: 10,000 mentions, exact and misspelt.

    .venv/bin/python benchmarks/bench_actors.py
"""
import random
import time

from conflictwire.knowledge import actor_entries
from conflictwire.model import Actor
from conflictwire.find.actors import GroupMatcher

N = 10_000


def misspell(name: str, rng: random.Random) -> str:
    if len(name) < 9:
        return name
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1:]  # drop one letter


def main() -> None:
    rng = random.Random(7)
    entries = actor_entries()
    table = {e.name: [e.name, *e.aliases.get("en", []), *e.aliases.get("fr", [])] for e in entries}
    t0 = time.perf_counter()
    matcher = GroupMatcher(table, {e.name: Actor(name=e.name, kind=e.kind, country_code=e.country) for e in entries},
                           frozenset(e.name for e in entries if e.exact_only))
    build = time.perf_counter() - t0
    aliases = [a for names in table.values() for a in names]
    unknown = ["Norwegian Refugee Council", "local farmers' cooperative", "Union of Journalists", "the regional council"]
    mentions = []
    for k in range(N):
        r = k % 4
        mentions.append(rng.choice(aliases) if r < 2 else misspell(rng.choice(aliases), rng) if r == 2 else rng.choice(unknown))
    t0 = time.perf_counter()
    batch = matcher.match_many(mentions)
    t_batch = time.perf_counter() - t0
    t0 = time.perf_counter()
    for m in mentions:
        matcher.match(m)
    t_single = time.perf_counter() - t0
    resolved = sum(b is not None for b in batch)
    print(f"dictionary: {len(table)} actors, {len(matcher.exact)} folded aliases, matcher built in {build * 1000:.0f} ms")
    print(f"{N} mentions: batch {t_batch:.3f} s, one by one {t_single:.3f} s; {resolved} resolved")


if __name__ == "__main__":
    main()
