/* Differences between sequences: the character-level diff of two texts that
 * `jxc diff` shows for changed purposes, targets and descriptions, and the
 * line-level unified diff that `jxc format --diff` prints.
 *
 * The core is Myers' O(ND) algorithm on arrays of symbols, after the common
 * prefix and suffix are trimmed. Its work is bounded: when two sequences
 * differ too much for the bound, they are aligned on the symbols that occur
 * exactly once in each (as patience diff does), the stretches between those
 * anchors are diffed again within the bound, and what is still too costly is
 * shown as one replacement. The result is always a correct edit script,
 * never quadratic in the size of the input; it is the shortest one whenever
 * the bound was not reached. */
#ifndef JX_TEXTDIFF_H
#define JX_TEXTDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"

typedef enum { JX_EDIT_EQUAL, JX_EDIT_DELETE, JX_EDIT_INSERT } jx_edit_op;

/* A run of one operation: symbols a .. a+len of the old sequence (EQUAL,
 * DELETE) and b .. b+len of the new one (EQUAL, INSERT). */
typedef struct jx_edit {
  jx_edit_op op;
  size_t a, b, len;
} jx_edit;

typedef struct jx_edits {
  jx_edit *items; /* malloc'd; free(items) */
  size_t len, cap;
  bool shortest;  /* false when the work bound was reached somewhere */
} jx_edits;

/* The runs that turn x into y, in order; where both a DELETE and an INSERT
 * stand at one place, the DELETE comes first. work_limit bounds the steps
 * spent (0: a default proportional to the input, at least 10 million). */
void jx_seq_diff(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny,
                 size_t work_limit, jx_edits *out);

/* One piece of a text diff: text kept, removed or added. */
typedef struct jx_text_piece {
  jx_edit_op op;
  const char *text;
} jx_text_piece;

/* A character-level diff of two UTF-8 texts for people to read: each
 * Chinese character (and every other character) is a unit of its own, a run
 * of ASCII letters and digits (2024, 22.5, J141) one unit, so numbers change
 * whole; short stretches kept between two changes are folded into them, so
 * the result reads as a few replacements rather than scattered characters.
 * Appends jx_text_piece * (arena) to pieces, adjacent pieces never of the
 * same operation, a removal before an addition at one place. Returns false
 * when the texts were too different to align within the bound (the pieces
 * are still correct). */
bool jx_text_diff(jx_arena *a, const char *old_text, const char *new_text,
                  jx_list *pieces);

/* Writes a unified diff (diff -u) of two texts by lines with `context` lines
 * around each change, headed by --- old_name and +++ new_name. Writes
 * nothing and returns false when the texts are equal. */
bool jx_unified_diff(const char *old_name, const char *old_text, size_t old_len,
                     const char *new_name, const char *new_text, size_t new_len,
                     int context, FILE *out);

#endif
