"""The FuseDiff Processing provider."""
