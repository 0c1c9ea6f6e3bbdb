#include "readahead.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "i18n.h"
#include "parse.h"

typedef enum {
  PENDING, /* queued, not started */
  RUNNING, /* being read by the thread */
  DONE,    /* read, waiting to be taken */
  TAKEN,   /* with the caller until released */
  OVER     /* released or dropped: nothing held */
} job_state;

typedef struct job {
  const char *path;
  job_state state;
  jx_arena *temp;  /* its source and diagnostics */
  jx_arena *tree;  /* its tree, unless the trees are kept */
  jx_ctx ctx;      /* what parsing it reports (in temp) */
  jx_source src;
  jx_readahead_file out;
} job;

struct jx_readahead {
  pthread_mutex_t mu;
  pthread_cond_t cv;  /* any change of a job's state, a new job, quit */
  pthread_t thread;
  bool quit;
  bool keep_trees;
  jx_arena *trees;    /* keep_trees: every tree the thread built */
  jx_arena *caller_trees; /* keep_trees: those the caller built while waiting */
  job **jobs;         /* every ticket, in order; malloc'd, as are the jobs */
  size_t njobs, cap;
  size_t scan;        /* no job before it is PENDING */
  size_t holding;     /* jobs RUNNING, DONE or TAKEN: results held */
  jx_arena **pool;    /* arenas given back, reset, for the next jobs */
  size_t npool, poolcap;
};

static void oom(void) {
  fputs(_("jxc: out of memory\n"), stderr);
  abort();
}

/* An arena from the pool, or a new one. Called with mu held. */
static jx_arena *pool_get(jx_readahead *ra) {
  if (ra->npool) return ra->pool[--ra->npool];
  jx_arena *a = jx_arena_new();
  if (!a) oom();
  return a;
}

/* Called with mu held. */
static void pool_put(jx_readahead *ra, jx_arena *a) {
  if (!a) return;
  jx_arena_reset(a);
  if (ra->npool == ra->poolcap) {
    ra->poolcap = ra->poolcap ? ra->poolcap * 2 : 8;
    jx_arena **pool = realloc(ra->pool, ra->poolcap * sizeof *pool);
    if (!pool) oom();
    ra->pool = pool;
  }
  ra->pool[ra->npool++] = a;
}

/* Gives back what a job holds. Called with mu held. */
static void let_go(jx_readahead *ra, job *j) {
  pool_put(ra, j->temp);
  pool_put(ra, j->tree);
  j->temp = j->tree = NULL;
  j->state = OVER;
  ra->holding--;
  pthread_cond_broadcast(&ra->cv);
}

/* Reads and parses one job's file, without mu: the job is its reader's
 * alone while RUNNING, and so is the arena of the trees of that reader's
 * thread (trees, on the caller's thread caller_trees). */
static void read_job(jx_readahead *ra, job *j, bool on_caller) {
  j->ctx = (jx_ctx){.arena = j->temp};
  j->out.diags = &j->ctx.diags;
  j->out.ok = jx_source_read(j->temp, j->path, &j->src, &j->out.why);
  if (!j->out.ok) return;
  j->out.src = &j->src;
  jx_arena *trees = on_caller ? ra->caller_trees : ra->trees;
  j->out.file = jx_parse_source(&j->ctx, j->out.index, &j->src,
                                ra->keep_trees ? trees : j->tree);
}

/* The first PENDING job, or njobs. Called with mu held. */
static size_t next_pending(jx_readahead *ra) {
  while (ra->scan < ra->njobs && ra->jobs[ra->scan]->state != PENDING) ra->scan++;
  return ra->scan;
}

/* Claims the first PENDING job and reads it. Called with mu held, which
 * it lets go while reading. */
static void run_next(jx_readahead *ra, bool on_caller) {
  job *j = ra->jobs[ra->scan];
  j->state = RUNNING;
  ra->holding++;
  j->temp = pool_get(ra);
  if (!ra->keep_trees) j->tree = pool_get(ra);
  pthread_mutex_unlock(&ra->mu);
  read_job(ra, j, on_caller);
  pthread_mutex_lock(&ra->mu);
  j->state = DONE;
  pthread_cond_broadcast(&ra->cv);
}

static void *thread_main(void *data) {
  jx_readahead *ra = data;
  pthread_mutex_lock(&ra->mu);
  for (;;) {
    while (!ra->quit &&
           (next_pending(ra) == ra->njobs || ra->holding >= JX_READAHEAD_FILES))
      pthread_cond_wait(&ra->cv, &ra->mu);
    if (ra->quit) break;
    run_next(ra, false);
  }
  pthread_mutex_unlock(&ra->mu);
  return NULL;
}

jx_readahead *jx_readahead_new(bool keep_trees) {
  jx_readahead *ra = calloc(1, sizeof *ra);
  if (!ra) return NULL;
  ra->keep_trees = keep_trees;
  if (keep_trees && (!(ra->trees = jx_arena_new()) || !(ra->caller_trees = jx_arena_new()))) {
    jx_arena_free(ra->trees);
    free(ra);
    return NULL;
  }
  pthread_mutex_init(&ra->mu, NULL);
  pthread_cond_init(&ra->cv, NULL);
  if (pthread_create(&ra->thread, NULL, thread_main, ra) != 0) {
    pthread_mutex_destroy(&ra->mu);
    pthread_cond_destroy(&ra->cv);
    jx_arena_free(ra->trees);
    jx_arena_free(ra->caller_trees);
    free(ra);
    return NULL;
  }
  return ra;
}

size_t jx_readahead_queue(jx_readahead *ra, const char *path, int index) {
  job *j = calloc(1, sizeof *j);
  if (!j) oom();
  j->path = path;
  j->state = PENDING;
  j->out.index = index;
  pthread_mutex_lock(&ra->mu);
  if (ra->njobs == ra->cap) {
    ra->cap = ra->cap ? ra->cap * 2 : 64;
    job **jobs = realloc(ra->jobs, ra->cap * sizeof *jobs);
    if (!jobs) oom();
    ra->jobs = jobs;
  }
  size_t t = ra->njobs++;
  ra->jobs[t] = j;
  pthread_cond_broadcast(&ra->cv);
  pthread_mutex_unlock(&ra->mu);
  return t;
}

jx_readahead_file *jx_readahead_take(jx_readahead *ra, size_t t, int index) {
  pthread_mutex_lock(&ra->mu);
  job *j = ra->jobs[t];
  if (j->state == PENDING) j->state = OVER; /* the caller reads it itself */
  while (j->state == RUNNING) {
    /* Rather than wait for the thread, read one of the files after it. */
    if (next_pending(ra) < ra->njobs && ra->holding < JX_READAHEAD_FILES)
      run_next(ra, true);
    else
      pthread_cond_wait(&ra->cv, &ra->mu);
  }
  jx_readahead_file *f = NULL;
  if (j->state == DONE && j->out.index == index) {
    j->state = TAKEN;
    f = &j->out;
  } else if (j->state == DONE) {
    let_go(ra, j); /* a file before it took other indexes */
  }
  pthread_mutex_unlock(&ra->mu);
  return f;
}

int jx_readahead_adopt(jx_ctx *ctx, const jx_readahead_file *f, bool borrow) {
  int id = jx_source_adopt(ctx, f->src, borrow);
  for (size_t i = 0; i < f->diags->len; i++) jx_diag_copy(ctx, f->diags->items[i]);
  return id;
}

void jx_readahead_release(jx_readahead *ra, jx_readahead_file *f) {
  job *j = (job *)((char *)f - offsetof(job, out));
  pthread_mutex_lock(&ra->mu);
  if (j->state == TAKEN) let_go(ra, j);
  pthread_mutex_unlock(&ra->mu);
}

void jx_readahead_drop(jx_readahead *ra, size_t t) {
  pthread_mutex_lock(&ra->mu);
  job *j = ra->jobs[t];
  if (j->state == PENDING) j->state = OVER;
  while (j->state == RUNNING) pthread_cond_wait(&ra->cv, &ra->mu);
  if (j->state == DONE) let_go(ra, j);
  pthread_mutex_unlock(&ra->mu);
}

void jx_readahead_finish(jx_readahead *ra, jx_arena *into) {
  if (!ra) return;
  pthread_mutex_lock(&ra->mu);
  ra->quit = true;
  pthread_cond_broadcast(&ra->cv);
  pthread_mutex_unlock(&ra->mu);
  pthread_join(ra->thread, NULL);
  for (size_t i = 0; i < ra->njobs; i++) {
    job *j = ra->jobs[i];
    jx_arena_free(j->temp);
    jx_arena_free(j->tree);
    free(j);
  }
  free(ra->jobs);
  for (size_t i = 0; i < ra->npool; i++) jx_arena_free(ra->pool[i]);
  free(ra->pool);
  if (into) {
    jx_arena_adopt(into, ra->trees);
    jx_arena_adopt(into, ra->caller_trees);
  } else {
    jx_arena_free(ra->trees);
    jx_arena_free(ra->caller_trees);
  }
  pthread_mutex_destroy(&ra->mu);
  pthread_cond_destroy(&ra->cv);
  free(ra);
}
