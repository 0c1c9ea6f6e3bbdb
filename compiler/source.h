/* Source files and locations.
 *
 * Every file a document reads is registered once in its jx_ctx and named by a
 * small integer, so a location is five ints and survives as long as the ctx. */
#ifndef JX_SOURCE_H
#define JX_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

/* The largest source file jxc reads (1 GiB): a province's whole document is
 * about 100 MB, and offsets must fit the scanner's int lengths. */
#define JX_SOURCE_MAX_BYTES (1024L * 1024 * 1024)

/* 1-based lines and columns; columns count characters, not bytes or display
 * cells. last_column is exclusive: a one-character token at column 5 has
 * first_column 5 and last_column 6. file indexes jx_ctx's source table. */
typedef struct jx_loc {
  int file;
  int first_line, first_column;
  int last_line, last_column;
} jx_loc;

enum { JX_LINE_MARK = 16 };

typedef struct jx_source {
  const char *path;   /* as the user or the importing file named it */
  bool has_id;        /* read from a file: dev and ino identify it */
  unsigned long long dev, ino;
  long long mtime_s, mtime_ns; /* with has_id: when it was last changed */
  /* The contents after any BOM, NUL-terminated. NULL when released (a
   * ctx with release_sources): jx_sources_restore reads it again. */
  const char *text;
  size_t len;
  /* Released, and changed on disk before it could be read again: its
   * lines can no longer be shown. */
  bool stale;
  /* The byte offset of the first byte of lines 1, 1 + JX_LINE_MARK,
   * 1 + 2 × JX_LINE_MARK …: a line is found from the mark before it, so a
   * province's 2.4 million lines take 0.6 MB of marks rather than 10 MB. */
  unsigned *line_marks;
  int nlines;
} jx_source;

struct jx_ctx;
struct jx_arena;

/* Reads path into the ctx's source table. Returns the file index, or -1 with
 * *why (ctx arena) when it cannot be read: it does not exist, is not a
 * regular file (a device, a FIFO, a folder), is larger than
 * JX_SOURCE_MAX_BYTES, or reading fails. Does not validate the contents. */
int jx_source_load(struct jx_ctx *ctx, const char *path, const char **why);

/* Reads path as jx_source_load does, into arena a and *src, without
 * registering it anywhere (a loader's second thread reads files ahead this
 * way). False with *why (in a) when it cannot be read. */
bool jx_source_read(struct jx_arena *a, const char *path, jx_source *src,
                    const char **why);

/* Registers a copy of src (text, lines and identity) in the ctx; returns its
 * file index. With borrow, the text and line marks are not copied: they
 * stay the caller's, who calls jx_source_release before they go. */
int jx_source_adopt(struct jx_ctx *ctx, const jx_source *src, bool borrow);

/* Forgets a file's text and line marks (text NULL), which
 * jx_sources_restore reads again if a diagnostic is to show its lines. */
void jx_source_release(struct jx_ctx *ctx, int file);

/* Reads again each released file that a diagnostic (or a note of one)
 * points into, so that its lines can be shown. A file that changed since
 * it was first read (size, time or identity) is marked stale instead: its
 * lines are not shown rather than shown wrong. */
void jx_sources_restore(struct jx_ctx *ctx);

/* Describes text (len bytes followed by a NUL, not copied) as *src named
 * path, its line marks in arena a, without registering it: a text parsed
 * once and let go (jxc import reads back what it made a piece at a time). */
void jx_source_describe(struct jx_arena *a, jx_source *src, const char *path,
                        const char *text, size_t len);

/* Registers text that did not come from a file (tests, stdin). */
int jx_source_add(struct jx_ctx *ctx, const char *path, const char *text,
                  size_t len);

/* The text of line (1-based) without its line end; *len receives its length. */
const char *jx_source_line(const jx_source *src, int line, size_t *len);

#endif
