"""The demo history: two years of generated training, without Qt or a database."""
