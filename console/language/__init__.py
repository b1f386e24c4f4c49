"""What a person reads: Qt translators, labels of domain values, refusals in their language."""
