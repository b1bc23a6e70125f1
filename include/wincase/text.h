/* text.h - UTF-8 text measured in display columns (STYLE.md 10).
 * Widths come from wcwidth(3): the program must have set an UTF-8 LC_CTYPE. */
#ifndef WINCASE_TEXT_H
#define WINCASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Decode one code point at s (at most len bytes). Returns the bytes used
 * (1-4) and sets *cp; an invalid or truncated sequence uses 1 byte and sets
 * *cp to U+FFFD. Returns 0 at len == 0. */
size_t text_decode(const char *s, size_t len, wchar_t *cp);
/* Encode cp into out (4 bytes room); returns the bytes written. */
size_t text_encode(wchar_t cp, char out[4]);

/* Width in columns of one code point: wcwidth, with -1 (non-printable)
 * counted as 1 since sanitised text shows a replacement there. */
int text_char_width(wchar_t cp);
/* Display width of a UTF-8 string. */
int text_width(const char *s);

/* The number of bytes of the longest prefix of s that fits in max_cols
 * columns without cutting a character; *cols (if not NULL) gets its width. */
size_t text_cut(const char *s, int max_cols, int *cols);

/* Like text_cut, for wrapping: the bytes of the first line of s within
 * max_cols, ending where Chinese line-breaking rules allow (no closing
 * punctuation at the start of the next line, no opening one at the end of
 * this one, Latin words and numbers kept whole); when the line has no such
 * place it is cut as text_cut cuts. */
size_t text_line_break(const char *s, int max_cols, int *cols);

/* Number of code points. */
size_t text_chars(const char *s);

enum {
	TEXT_KEEP_NEWLINE = 1 << 0, /* keep '\n' (multi-line display) */
};

/* New string (caller frees) where untrusted text is made harmless for a
 * terminal: C0 controls and DEL become caret notation ("^[" for ESC), C1
 * controls and bidirectional overrides/isolates become "<U+202E>", invalid
 * UTF-8 becomes U+FFFD, a tab becomes a space. NULL only if out of memory. */
char *text_sanitize(const char *s, unsigned flags);

/* True if s needs no change by text_sanitize(s, flags). */
bool text_is_clean(const char *s, unsigned flags);

#endif
