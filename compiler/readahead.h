/* Reading a document's files ahead, on a second thread.
 *
 * The loader meets a document's files one at a time (a root, then its
 * imports depth-first), and what it does with each (registering it, parsing
 * it, formatting it) must happen in that order, so that file indexes,
 * diagnostics and output come out exactly as a sequential reading gives
 * them. Reading and parsing a file, though, needs nothing but its path and
 * the index it will have: once a file's imports are known, a second thread
 * reads and parses the next ones while the loader deals with the current
 * one, each with an arena and a ctx of its own. The loader then takes each
 * result in order, checks that the file really gets the index it was parsed
 * with (a file that imports others moves the indexes of those after it; the
 * loader then reads the rest itself), and copies its source and diagnostics
 * into its ctx.
 *
 * At most JX_READAHEAD_FILES results wait at once, so reading ahead does
 * not undo what reading one file at a time saves. Internal to libjixiao. */
#ifndef JX_READAHEAD_H
#define JX_READAHEAD_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "ctx.h"

enum { JX_READAHEAD_FILES = 8 };

typedef struct jx_readahead jx_readahead;

/* One file read and parsed ahead. Everything in it lives in the
 * readahead's arenas until jx_readahead_release. */
typedef struct jx_readahead_file {
  int index;              /* the file index it was parsed as */
  bool ok;                /* false: it could not be read, see why */
  const char *why;
  const jx_source *src;   /* when ok */
  jx_file *file;          /* when ok */
  const jx_list *diags;   /* jx_diag *, what parsing it reported */
} jx_readahead_file;

/* A reader with its thread, or NULL when no thread can be started (the
 * caller then reads everything itself). With keep_trees, the trees are
 * built in an arena that jx_readahead_finish hands over (a whole document
 * is kept); without, each tree is freed by jx_readahead_release. */
jx_readahead *jx_readahead_new(bool keep_trees);

/* Asks for path to be read and parsed as file index; returns a ticket.
 * path must stay valid until the reader is finished. */
size_t jx_readahead_queue(jx_readahead *ra, const char *path, int index);

/* The file of ticket t, waiting while it is being read, when it was
 * parsed as index (the index the caller's ctx gives next). NULL when the
 * thread has not started it, or parsed it as another index: it is then
 * dropped, and the caller reads the file itself, which is as quick. */
jx_readahead_file *jx_readahead_take(jx_readahead *ra, size_t t, int index);

/* Makes a file read ahead (ok, with the index ctx gives next) one of ctx's:
 * registers a copy of its source and reports copies of its diagnostics
 * there, as if it had been read and parsed in ctx. Returns its index.
 * With borrow, the source's text stays the reader's until the file is
 * released: the caller releases it first (jx_source_release). */
int jx_readahead_adopt(jx_ctx *ctx, const jx_readahead_file *f, bool borrow);

/* Gives back what jx_readahead_take returned, once used. */
void jx_readahead_release(jx_readahead *ra, jx_readahead_file *f);

/* Drops ticket t, which the caller will not take. */
void jx_readahead_drop(jx_readahead *ra, size_t t);

/* Stops the thread and frees the reader; with keep_trees, the arena of the
 * trees it built joins into (jx_arena_adopt). */
void jx_readahead_finish(jx_readahead *ra, jx_arena *into);

#endif
