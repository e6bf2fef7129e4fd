public enum DraftTemplatesPlaceholder {}
