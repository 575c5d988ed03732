"""German NLP core: tokens and sentences, part of speech, lemma and mood, people and entities.

Stages (registered in `chronik.pipeline`): "tokenizer" (`chronik.nlp.tokenizer`),
"tagger" (`chronik.nlp.morph`), "ner" (`chronik.nlp.ner`) and "entities"
(`chronik.nlp.people`).
"""
