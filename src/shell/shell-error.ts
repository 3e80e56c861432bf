// A mistake at the shell (unknown member, no button to click, no such form field): printed, never a stack trace.
export class ShellError extends Error {}
