/* Arena allocation for everything a parse produces.
 *
 * The AST, its strings and its lists all live in one arena owned by the jx_ctx
 * that parsed them; nothing in it is freed one by one, so error recovery in the
 * parser cannot leak. jx_arena_free releases the whole arena at once. */
#ifndef JX_ARENA_H
#define JX_ARENA_H

#include <stddef.h>

typedef struct jx_arena jx_arena;

/* Returns NULL only when memory is exhausted. Caller frees with jx_arena_free. */
jx_arena *jx_arena_new(void);
void jx_arena_free(jx_arena *a);

/* Bytes the arena holds (malloc or mmap), and bytes of them handed out (for
 * measuring memory, in make bench and tests). */
size_t jx_arena_capacity(const jx_arena *a);
size_t jx_arena_used(const jx_arena *a);

/* Moves everything src holds into dst, which then owns it, and frees src:
 * what a second thread built in an arena of its own joins the tree. */
void jx_arena_adopt(jx_arena *dst, jx_arena *src);

/* Forgets everything allocated, keeping the memory for what is allocated
 * next: scratch space used over and over (the diff's per-project work)
 * costs neither malloc nor fresh pages each time. */
void jx_arena_reset(jx_arena *a);

/* Zeroed memory, aligned for any type; aborts on exhaustion (a compiler that
 * half-built its tree has nothing useful to say). */
void *jx_arena_alloc(jx_arena *a, size_t size);
char *jx_arena_strndup(jx_arena *a, const char *s, size_t n);
/* n bytes, neither zeroed nor aligned, for a caller that writes every one
 * of them (a file read straight into the arena). */
char *jx_arena_bytes(jx_arena *a, size_t n);
char *jx_arena_strdup(jx_arena *a, const char *s);
/* a, sep and b joined: what jx_arena_printf("%s%s%s") gives, without
 * formatting twice (values join their words this way, many per row). */
char *jx_arena_join(jx_arena *a, const char *first, const char *sep, const char *second);
char *jx_arena_printf(jx_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A growable array of pointers whose storage lives in the arena. */
typedef struct jx_list {
  void **items;
  size_t len, cap;
} jx_list;

void jx_list_push(jx_arena *a, jx_list *l, void *item);

/* A copy with its own storage, so pushing to one does not touch the other. */
jx_list jx_list_copy(jx_arena *a, const jx_list *l);

#endif
