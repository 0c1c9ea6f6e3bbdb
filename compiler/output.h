/* Output files. Every file jxc writes goes through here, so that no reader
 * ever sees a partial file, a source file is never overwritten by its own
 * output, and special files are written through rather than replaced.
 *
 *   jx_output o;
 *   if (!jx_output_open(ctx, &o, path, &why)) …        checks, makes a temp file
 *   write to o.tmp (or o.fd), or pass o.tmp to a library that writes a file
 *   jx_output_commit(&o, &why) or jx_output_abort(&o)   fsync + rename, or remove
 *
 * A path of "-" is standard output. A character device or FIFO (/dev/null, a
 * pipe) is written directly; a symbolic link is followed and its target
 * replaced; a folder, a block device, a dangling link, or a file the ctx has
 * read as source is refused. */
#ifndef JX_OUTPUT_H
#define JX_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "ctx.h"

typedef struct jx_output {
  const char *path;   /* as given */
  const char *target; /* the file the temp file replaces (links resolved) */
  char *tmp;          /* the temporary file while one exists, else NULL */
  int fd;             /* open for writing: the temp file, the device, or 1 */
  bool direct;        /* writing straight to stdout, a device or a FIFO */
  jx_ctx *ctx;
} jx_output;

/* Prepares path for writing. False with *why (ctx arena) when it cannot or
 * must not be written. Strings live in the ctx's arena. */
bool jx_output_open(jx_ctx *ctx, jx_output *o, const char *path, const char **why);

/* Writes len bytes to the output; false with *why on a write error. */
bool jx_output_write(jx_output *o, const char *data, size_t len, const char **why);

/* What jx_output_open checks of the sources, again, against ctx's: for an
 * output opened before the document was read (jxc build reads it while it
 * writes). False with *why (o's ctx) when the output is one of them. */
bool jx_output_not_source(const jx_ctx *ctx, const jx_output *o, const char **why);

/* Closes the temp file's descriptor so that another writer (a library that
 * takes a path) may write o->tmp itself; commit still applies. */
void jx_output_release_fd(jx_output *o);

/* Makes the output final: flushes it to disk, gives it the mode a new file
 * gets (or keeps the mode of the file it replaces), and renames it over the
 * target. On failure removes the temp file and returns false with *why. */
bool jx_output_commit(jx_output *o, const char **why);

/* Removes the temp file, if any. Safe to call twice. */
void jx_output_abort(jx_output *o);

/* The whole of data to path through jx_output: open, write, commit. */
bool jx_write_file_atomic(jx_ctx *ctx, const char *path, const char *data,
                          size_t len, const char **why);

/* Whether two paths name the same existing file. */
bool jx_same_file(const char *a, const char *b);

#endif
