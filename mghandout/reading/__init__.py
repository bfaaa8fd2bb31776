"""Reading level and plain language: advice for the editor before anyone prints.

`--check` reports, per source, the SMOG and Flesch-Kincaid grades (Spanish: Fernández-Huerta
and Szigriszt-Pazos), the hardest sentences, medical words not explained where first used,
and everyday swaps. Nothing here touches the handout or the deck: a grade printed for
patients would make readers with low literacy feel judged.
"""
