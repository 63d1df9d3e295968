"""The council's decisions, its queue, the pull-request check of approvals, and their git operations."""
