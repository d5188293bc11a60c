"""The contract: public output models, records, and the JSON Schema files made from them."""
