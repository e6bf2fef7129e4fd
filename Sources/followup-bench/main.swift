print("followup-bench: not yet")
