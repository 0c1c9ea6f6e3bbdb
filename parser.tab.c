/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison implementation for Yacc-like parsers in C

   Copyright (C) 1984, 1989-1990, 2000-2015, 2018-2021 Free Software Foundation,
   Inc.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* As a special exception, you may create a larger work that contains
   part or all of the Bison parser skeleton and distribute that work
   under terms of your choice, so long as that work isn't itself a
   parser generator using the skeleton or a modified version thereof
   as a parser skeleton.  Alternatively, if you modify or redistribute
   the parser skeleton itself, you may (at your option) remove this
   special exception, which will cause the skeleton and the resulting
   Bison output files to be licensed under the GNU General Public
   License without this special exception.

   This special exception was added by the Free Software Foundation in
   version 2.2 of Bison.  */

/* C LALR(1) parser skeleton written by Richard Stallman, by
   simplifying the original so-called "semantic" parser.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

/* All symbols defined below should begin with yy or YY, to avoid
   infringing on user name space.  This should be done even for local
   variables, as they might otherwise be expanded by user macros.
   There are some unavoidable exceptions within include files to
   define necessary library symbols; they are noted "INFRINGES ON
   USER NAME SPACE" below.  */

/* Identify Bison output, and Bison version.  */
#define YYBISON 30802

/* Bison version string.  */
#define YYBISON_VERSION "3.8.2"

/* Skeleton name.  */
#define YYSKELETON_NAME "yacc.c"

/* Pure parsers.  */
#define YYPURE 2

/* Push parsers.  */
#define YYPUSH 0

/* Pull parsers.  */
#define YYPULL 1

/* Substitute the type names.  */
#define YYSTYPE         JX_YYSTYPE
#define YYLTYPE         JX_YYLTYPE
/* Substitute the variable and function names.  */
#define yyparse         jx_yyparse
#define yylex           jx_yylex
#define yyerror         jx_yyerror
#define yydebug         jx_yydebug
#define yynerrs         jx_yynerrs


# ifndef YY_CAST
#  ifdef __cplusplus
#   define YY_CAST(Type, Val) static_cast<Type> (Val)
#   define YY_REINTERPRET_CAST(Type, Val) reinterpret_cast<Type> (Val)
#  else
#   define YY_CAST(Type, Val) ((Type) (Val))
#   define YY_REINTERPRET_CAST(Type, Val) ((Type) (Val))
#  endif
# endif
# ifndef YY_NULLPTR
#  if defined __cplusplus
#   if 201103L <= __cplusplus
#    define YY_NULLPTR nullptr
#   else
#    define YY_NULLPTR 0
#   endif
#  else
#   define YY_NULLPTR ((void*)0)
#  endif
# endif

#include "parser.tab.h"
/* Symbol kind.  */
enum yysymbol_kind_t
{
  YYSYMBOL_YYEMPTY = -2,
  YYSYMBOL_YYEOF = 0,                      /* "end of file"  */
  YYSYMBOL_YYerror = 1,                    /* error  */
  YYSYMBOL_YYUNDEF = 2,                    /* "invalid token"  */
  YYSYMBOL_WORD = 3,                       /* "name"  */
  YYSYMBOL_NUMBER = 4,                     /* "number"  */
  YYSYMBOL_CODE = 5,                       /* "code"  */
  YYSYMBOL_DATE = 6,                       /* "date"  */
  YYSYMBOL_STRING = 7,                     /* "string"  */
  YYSYMBOL_RELATIVE = 8,                   /* "较上年…"  */
  YYSYMBOL_KW_DEPARTMENT = 9,              /* "部门"  */
  YYSYMBOL_KW_REGION = 10,                 /* "区划"  */
  YYSYMBOL_KW_YEAR = 11,                   /* "年度"  */
  YYSYMBOL_KW_MONEY_UNIT = 12,             /* "金额单位"  */
  YYSYMBOL_KW_COMPILED_BY = 13,            /* "编制"  */
  YYSYMBOL_KW_REVIEWED_BY = 14,            /* "审核"  */
  YYSYMBOL_KW_FRAMEWORK = 15,              /* "指标体系"  */
  YYSYMBOL_KW_IMPORT = 16,                 /* "导入"  */
  YYSYMBOL_KW_OVERALL_TARGET = 17,         /* "总体目标"  */
  YYSYMBOL_KW_SUB_TARGET = 18,             /* "分项目标"  */
  YYSYMBOL_KW_SAFEGUARD = 19,              /* "保障措施"  */
  YYSYMBOL_KW_AGENCY = 20,                 /* "单位"  */
  YYSYMBOL_KW_TOTAL = 21,                  /* "合计"  */
  YYSYMBOL_KW_PROJECT = 22,                /* "项目"  */
  YYSYMBOL_KW_CATEGORY = 23,               /* "类别"  */
  YYSYMBOL_KW_PERIOD = 24,                 /* "项目期"  */
  YYSYMBOL_KW_TO = 25,                     /* "至"  */
  YYSYMBOL_KW_SUPERVISOR = 26,             /* "主管部门"  */
  YYSYMBOL_KW_IMPLEMENTER = 27,            /* "实施单位"  */
  YYSYMBOL_KW_BUDGET = 28,                 /* "预算"  */
  YYSYMBOL_KW_MEDIUM_BUDGET = 29,          /* "中期预算"  */
  YYSYMBOL_KW_FISCAL = 30,                 /* "财政资金"  */
  YYSYMBOL_KW_OTHER = 31,                  /* "其他资金"  */
  YYSYMBOL_KW_PURPOSE = 32,                /* "用途"  */
  YYSYMBOL_KW_PLAN = 33,                   /* "支出计划"  */
  YYSYMBOL_KW_TARGET = 34,                 /* "目标"  */
  YYSYMBOL_KW_MEDIUM_TARGET = 35,          /* "中期目标"  */
  YYSYMBOL_KW_INDICATORS = 36,             /* "指标"  */
  YYSYMBOL_KW_MEDIUM = 37,                 /* "中期"  */
  YYSYMBOL_KW_DESCRIPTION = 38,            /* "描述"  */
  YYSYMBOL_KW_BASIS = 39,                  /* "依据"  */
  YYSYMBOL_KW_STANDARD = 40,               /* "标准"  */
  YYSYMBOL_KW_BY = 41,                     /* "截止"  */
  YYSYMBOL_KW_MONTHLY = 42,                /* "每月"  */
  YYSYMBOL_KW_NA = 43,                     /* "不涉及"  */
  YYSYMBOL_GE = 44,                        /* "≥"  */
  YYSYMBOL_LE = 45,                        /* "≤"  */
  YYSYMBOL_GT = 46,                        /* "＞"  */
  YYSYMBOL_LT = 47,                        /* "＜"  */
  YYSYMBOL_EQ = 48,                        /* "＝"  */
  YYSYMBOL_PERCENT = 49,                   /* "%"  */
  YYSYMBOL_SLASH = 50,                     /* "/"  */
  YYSYMBOL_COMMA = 51,                     /* ","  */
  YYSYMBOL_LPAREN = 52,                    /* "("  */
  YYSYMBOL_RPAREN = 53,                    /* ")"  */
  YYSYMBOL_LBRACE = 54,                    /* "{"  */
  YYSYMBOL_RBRACE = 55,                    /* "}"  */
  YYSYMBOL_NO_UNIT = 56,                   /* NO_UNIT  */
  YYSYMBOL_MISSING_BRACE = 57,             /* MISSING_BRACE  */
  YYSYMBOL_YYACCEPT = 58,                  /* $accept  */
  YYSYMBOL_file = 59,                      /* file  */
  YYSYMBOL_item = 60,                      /* item  */
  YYSYMBOL_header = 61,                    /* header  */
  YYSYMBOL_part_one = 62,                  /* part_one  */
  YYSYMBOL_sub_target = 63,                /* sub_target  */
  YYSYMBOL_sub_text = 64,                  /* sub_text  */
  YYSYMBOL_agency = 65,                    /* agency  */
  YYSYMBOL_total_opt = 66,                 /* total_opt  */
  YYSYMBOL_code = 67,                      /* code  */
  YYSYMBOL_code_opt = 68,                  /* code_opt  */
  YYSYMBOL_project = 69,                   /* project  */
  YYSYMBOL_project_head = 70,              /* project_head  */
  YYSYMBOL_field = 71,                     /* field  */
  YYSYMBOL_when = 72,                      /* when  */
  YYSYMBOL_amount = 73,                    /* amount  */
  YYSYMBOL_unit_opt = 74,                  /* unit_opt  */
  YYSYMBOL_sources_opt = 75,               /* sources_opt  */
  YYSYMBOL_sources = 76,                   /* sources  */
  YYSYMBOL_source = 77,                    /* source  */
  YYSYMBOL_plan_entries = 78,              /* plan_entries  */
  YYSYMBOL_plan_entry = 79,                /* plan_entry  */
  YYSYMBOL_medium_opt = 80,                /* medium_opt  */
  YYSYMBOL_group_head = 81,                /* group_head  */
  YYSYMBOL_group = 82,                     /* group  */
  YYSYMBOL_level = 83,                     /* level  */
  YYSYMBOL_row = 84,                       /* row  */
  YYSYMBOL_attrs = 85,                     /* attrs  */
  YYSYMBOL_attr = 86,                      /* attr  */
  YYSYMBOL_value = 87,                     /* value  */
  YYSYMBOL_sign_opt = 88,                  /* sign_opt  */
  YYSYMBOL_unit = 89,                      /* unit  */
  YYSYMBOL_unit_path = 90,                 /* unit_path  */
  YYSYMBOL_date = 91,                      /* date  */
  YYSYMBOL_date_parts = 92                 /* date_parts  */
};
typedef enum yysymbol_kind_t yysymbol_kind_t;



/* Unqualified %code blocks.  */
#line 45 "grammar/parser.y"

#include <stdlib.h>
#include <string.h>

#include "diag.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                   \
  do {                                                                \
    if (N) {                                                          \
      (Cur).file = YYRHSLOC(Rhs, 1).file;                             \
      (Cur).first_line = YYRHSLOC(Rhs, 1).first_line;                 \
      (Cur).first_column = YYRHSLOC(Rhs, 1).first_column;             \
      (Cur).last_line = YYRHSLOC(Rhs, N).last_line;                   \
      (Cur).last_column = YYRHSLOC(Rhs, N).last_column;               \
    } else {                                                          \
      (Cur).file = YYRHSLOC(Rhs, 0).file;                             \
      (Cur).first_line = (Cur).last_line = YYRHSLOC(Rhs, 0).last_line; \
      (Cur).first_column = (Cur).last_column =                        \
          YYRHSLOC(Rhs, 0).last_column;                               \
    }                                                                 \
  } while (0)

#define PS (jx_yyget_extra(scanner))
#define ARENA (PS->ctx->arena)
#define NEW(type, kind, loc) ((type *)jx_node_new(ARENA, kind, sizeof(type), loc))

static void add_item(jx_parse_state *ps, jx_node *n);
static jx_name *make_name(jx_parse_state *ps, const char *text, jx_loc loc);
static jx_amount *make_amount(jx_parse_state *ps, const char *num, jx_loc numloc,
                              jx_name *unit);
static jx_node *text_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                          jx_string *s);
static jx_node *org_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                         jx_name *code, jx_string *name, jx_amount *total);
static jx_node *budget_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                            jx_amount *amount, jx_list *sources);
static jx_plan_entry *plan_entry(jx_parse_state *ps, const char *month,
                                 jx_loc mloc, const char *word, jx_loc wloc,
                                 const char *pct, jx_loc ploc, jx_loc loc);
static bool parse_quantity(jx_parse_state *ps, jx_quantity *q, int sign,
                           jx_loc sign_loc, const char *num, jx_loc numloc,
                           jx_name *unit);
static jx_date *date_iso(jx_parse_state *ps, const char *text, jx_loc loc);
static jx_date *date_part(jx_parse_state *ps, jx_date *d, const char *num,
                          jx_loc nloc, const char *word, jx_loc wloc);
static jx_row *make_row(jx_parse_state *ps, jx_loc loc, jx_name *level,
                        jx_string *name, jx_value *value, jx_list *attrs);
static void add_field(jx_parse_state *ps, jx_project *p, jx_node *f);
static jx_list *list1(jx_parse_state *ps, void *item);
static jx_list *list_add(jx_parse_state *ps, jx_list *l, void *item);

#line 255 "parser.tab.c"

#ifdef short
# undef short
#endif

/* On compilers that do not define __PTRDIFF_MAX__ etc., make sure
   <limits.h> and (if available) <stdint.h> are included
   so that the code can choose integer types of a good width.  */

#ifndef __PTRDIFF_MAX__
# include <limits.h> /* INFRINGES ON USER NAME SPACE */
# if defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stdint.h> /* INFRINGES ON USER NAME SPACE */
#  define YY_STDINT_H
# endif
#endif

/* Narrow types that promote to a signed type and that can represent a
   signed or unsigned integer of at least N bits.  In tables they can
   save space and decrease cache pressure.  Promoting to a signed type
   helps avoid bugs in integer arithmetic.  */

#ifdef __INT_LEAST8_MAX__
typedef __INT_LEAST8_TYPE__ yytype_int8;
#elif defined YY_STDINT_H
typedef int_least8_t yytype_int8;
#else
typedef signed char yytype_int8;
#endif

#ifdef __INT_LEAST16_MAX__
typedef __INT_LEAST16_TYPE__ yytype_int16;
#elif defined YY_STDINT_H
typedef int_least16_t yytype_int16;
#else
typedef short yytype_int16;
#endif

/* Work around bug in HP-UX 11.23, which defines these macros
   incorrectly for preprocessor constants.  This workaround can likely
   be removed in 2023, as HPE has promised support for HP-UX 11.23
   (aka HP-UX 11i v2) only through the end of 2022; see Table 2 of
   <https://h20195.www2.hpe.com/V2/getpdf.aspx/4AA4-7673ENW.pdf>.  */
#ifdef __hpux
# undef UINT_LEAST8_MAX
# undef UINT_LEAST16_MAX
# define UINT_LEAST8_MAX 255
# define UINT_LEAST16_MAX 65535
#endif

#if defined __UINT_LEAST8_MAX__ && __UINT_LEAST8_MAX__ <= __INT_MAX__
typedef __UINT_LEAST8_TYPE__ yytype_uint8;
#elif (!defined __UINT_LEAST8_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST8_MAX <= INT_MAX)
typedef uint_least8_t yytype_uint8;
#elif !defined __UINT_LEAST8_MAX__ && UCHAR_MAX <= INT_MAX
typedef unsigned char yytype_uint8;
#else
typedef short yytype_uint8;
#endif

#if defined __UINT_LEAST16_MAX__ && __UINT_LEAST16_MAX__ <= __INT_MAX__
typedef __UINT_LEAST16_TYPE__ yytype_uint16;
#elif (!defined __UINT_LEAST16_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST16_MAX <= INT_MAX)
typedef uint_least16_t yytype_uint16;
#elif !defined __UINT_LEAST16_MAX__ && USHRT_MAX <= INT_MAX
typedef unsigned short yytype_uint16;
#else
typedef int yytype_uint16;
#endif

#ifndef YYPTRDIFF_T
# if defined __PTRDIFF_TYPE__ && defined __PTRDIFF_MAX__
#  define YYPTRDIFF_T __PTRDIFF_TYPE__
#  define YYPTRDIFF_MAXIMUM __PTRDIFF_MAX__
# elif defined PTRDIFF_MAX
#  ifndef ptrdiff_t
#   include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  endif
#  define YYPTRDIFF_T ptrdiff_t
#  define YYPTRDIFF_MAXIMUM PTRDIFF_MAX
# else
#  define YYPTRDIFF_T long
#  define YYPTRDIFF_MAXIMUM LONG_MAX
# endif
#endif

#ifndef YYSIZE_T
# ifdef __SIZE_TYPE__
#  define YYSIZE_T __SIZE_TYPE__
# elif defined size_t
#  define YYSIZE_T size_t
# elif defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  define YYSIZE_T size_t
# else
#  define YYSIZE_T unsigned
# endif
#endif

#define YYSIZE_MAXIMUM                                  \
  YY_CAST (YYPTRDIFF_T,                                 \
           (YYPTRDIFF_MAXIMUM < YY_CAST (YYSIZE_T, -1)  \
            ? YYPTRDIFF_MAXIMUM                         \
            : YY_CAST (YYSIZE_T, -1)))

#define YYSIZEOF(X) YY_CAST (YYPTRDIFF_T, sizeof (X))


/* Stored state numbers (used for stacks). */
typedef yytype_uint8 yy_state_t;

/* State numbers in computations.  */
typedef int yy_state_fast_t;

#ifndef YY_
# if defined YYENABLE_NLS && YYENABLE_NLS
#  if ENABLE_NLS
#   include <libintl.h> /* INFRINGES ON USER NAME SPACE */
#   define YY_(Msgid) dgettext ("bison-runtime", Msgid)
#  endif
# endif
# ifndef YY_
#  define YY_(Msgid) Msgid
# endif
#endif


#ifndef YY_ATTRIBUTE_PURE
# if defined __GNUC__ && 2 < __GNUC__ + (96 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_PURE __attribute__ ((__pure__))
# else
#  define YY_ATTRIBUTE_PURE
# endif
#endif

#ifndef YY_ATTRIBUTE_UNUSED
# if defined __GNUC__ && 2 < __GNUC__ + (7 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_UNUSED __attribute__ ((__unused__))
# else
#  define YY_ATTRIBUTE_UNUSED
# endif
#endif

/* Suppress unused-variable warnings by "using" E.  */
#if ! defined lint || defined __GNUC__
# define YY_USE(E) ((void) (E))
#else
# define YY_USE(E) /* empty */
#endif

/* Suppress an incorrect diagnostic about yylval being uninitialized.  */
#if defined __GNUC__ && ! defined __ICC && 406 <= __GNUC__ * 100 + __GNUC_MINOR__
# if __GNUC__ * 100 + __GNUC_MINOR__ < 407
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")
# else
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")              \
    _Pragma ("GCC diagnostic ignored \"-Wmaybe-uninitialized\"")
# endif
# define YY_IGNORE_MAYBE_UNINITIALIZED_END      \
    _Pragma ("GCC diagnostic pop")
#else
# define YY_INITIAL_VALUE(Value) Value
#endif
#ifndef YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_END
#endif
#ifndef YY_INITIAL_VALUE
# define YY_INITIAL_VALUE(Value) /* Nothing. */
#endif

#if defined __cplusplus && defined __GNUC__ && ! defined __ICC && 6 <= __GNUC__
# define YY_IGNORE_USELESS_CAST_BEGIN                          \
    _Pragma ("GCC diagnostic push")                            \
    _Pragma ("GCC diagnostic ignored \"-Wuseless-cast\"")
# define YY_IGNORE_USELESS_CAST_END            \
    _Pragma ("GCC diagnostic pop")
#endif
#ifndef YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_END
#endif


#define YY_ASSERT(E) ((void) (0 && (E)))

#if 1

/* The parser invokes alloca or malloc; define the necessary symbols.  */

# ifdef YYSTACK_ALLOC
   /* Pacify GCC's 'empty if-body' warning.  */
#  define YYSTACK_FREE(Ptr) do { /* empty */; } while (0)
#  ifndef YYSTACK_ALLOC_MAXIMUM
    /* The OS might guarantee only one guard page at the bottom of the stack,
       and a page size can be as small as 4096 bytes.  So we cannot safely
       invoke alloca (N) if N exceeds 4096.  Use a slightly smaller number
       to allow for a few compiler-allocated temporary stack slots.  */
#   define YYSTACK_ALLOC_MAXIMUM 4032 /* reasonable circa 2006 */
#  endif
# else
#  define YYSTACK_ALLOC YYMALLOC
#  define YYSTACK_FREE YYFREE
#  ifndef YYSTACK_ALLOC_MAXIMUM
#   define YYSTACK_ALLOC_MAXIMUM YYSIZE_MAXIMUM
#  endif
#  if (defined __cplusplus && ! defined EXIT_SUCCESS \
       && ! ((defined YYMALLOC || defined malloc) \
             && (defined YYFREE || defined free)))
#   include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
#   ifndef EXIT_SUCCESS
#    define EXIT_SUCCESS 0
#   endif
#  endif
#  ifndef YYMALLOC
#   define YYMALLOC malloc
#   if ! defined malloc && ! defined EXIT_SUCCESS
void *malloc (YYSIZE_T); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
#  ifndef YYFREE
#   define YYFREE free
#   if ! defined free && ! defined EXIT_SUCCESS
void free (void *); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
# endif
# define YYCOPY_NEEDED 1
#endif /* 1 */

#if (! defined yyoverflow \
     && (! defined __cplusplus \
         || (defined JX_YYLTYPE_IS_TRIVIAL && JX_YYLTYPE_IS_TRIVIAL \
             && defined JX_YYSTYPE_IS_TRIVIAL && JX_YYSTYPE_IS_TRIVIAL)))

/* A type that is properly aligned for any stack member.  */
union yyalloc
{
  yy_state_t yyss_alloc;
  YYSTYPE yyvs_alloc;
  YYLTYPE yyls_alloc;
};

/* The size of the maximum gap between one aligned stack and the next.  */
# define YYSTACK_GAP_MAXIMUM (YYSIZEOF (union yyalloc) - 1)

/* The size of an array large to enough to hold all stacks, each with
   N elements.  */
# define YYSTACK_BYTES(N) \
     ((N) * (YYSIZEOF (yy_state_t) + YYSIZEOF (YYSTYPE) \
             + YYSIZEOF (YYLTYPE)) \
      + 2 * YYSTACK_GAP_MAXIMUM)

# define YYCOPY_NEEDED 1

/* Relocate STACK from its old location to the new one.  The
   local variables YYSIZE and YYSTACKSIZE give the old and new number of
   elements in the stack, and YYPTR gives the new location of the
   stack.  Advance YYPTR to a properly aligned location for the next
   stack.  */
# define YYSTACK_RELOCATE(Stack_alloc, Stack)                           \
    do                                                                  \
      {                                                                 \
        YYPTRDIFF_T yynewbytes;                                         \
        YYCOPY (&yyptr->Stack_alloc, Stack, yysize);                    \
        Stack = &yyptr->Stack_alloc;                                    \
        yynewbytes = yystacksize * YYSIZEOF (*Stack) + YYSTACK_GAP_MAXIMUM; \
        yyptr += yynewbytes / YYSIZEOF (*yyptr);                        \
      }                                                                 \
    while (0)

#endif

#if defined YYCOPY_NEEDED && YYCOPY_NEEDED
/* Copy COUNT objects from SRC to DST.  The source and destination do
   not overlap.  */
# ifndef YYCOPY
#  if defined __GNUC__ && 1 < __GNUC__
#   define YYCOPY(Dst, Src, Count) \
      __builtin_memcpy (Dst, Src, YY_CAST (YYSIZE_T, (Count)) * sizeof (*(Src)))
#  else
#   define YYCOPY(Dst, Src, Count)              \
      do                                        \
        {                                       \
          YYPTRDIFF_T yyi;                      \
          for (yyi = 0; yyi < (Count); yyi++)   \
            (Dst)[yyi] = (Src)[yyi];            \
        }                                       \
      while (0)
#  endif
# endif
#endif /* !YYCOPY_NEEDED */

/* YYFINAL -- State number of the termination state.  */
#define YYFINAL  2
/* YYLAST -- Last index in YYTABLE.  */
#define YYLAST   159

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  58
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  35
/* YYNRULES -- Number of rules.  */
#define YYNRULES  98
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  164

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   312


/* YYTRANSLATE(TOKEN-NUM) -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex, with out-of-bounds checking.  */
#define YYTRANSLATE(YYX)                                \
  (0 <= (YYX) && (YYX) <= YYMAXUTOK                     \
   ? YY_CAST (yysymbol_kind_t, yytranslate[YYX])        \
   : YYSYMBOL_YYUNDEF)

/* YYTRANSLATE[TOKEN-NUM] -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex.  */
static const yytype_int8 yytranslate[] =
{
       0,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     1,     2,     3,     4,
       5,     6,     7,     8,     9,    10,    11,    12,    13,    14,
      15,    16,    17,    18,    19,    20,    21,    22,    23,    24,
      25,    26,    27,    28,    29,    30,    31,    32,    33,    34,
      35,    36,    37,    38,    39,    40,    41,    42,    43,    44,
      45,    46,    47,    48,    49,    50,    51,    52,    53,    54,
      55,    56,    57
};

#if JX_YYDEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,   162,   162,   163,   167,   168,   169,   170,   171,   172,
     176,   178,   180,   182,   184,   185,   186,   190,   192,   193,
     199,   201,   205,   206,   207,   211,   217,   218,   222,   223,
     227,   228,   232,   233,   243,   247,   251,   253,   255,   256,
     257,   258,   259,   260,   262,   265,   267,   268,   272,   273,
     277,   281,   282,   286,   287,   291,   292,   296,   301,   306,
     313,   314,   319,   323,   324,   328,   333,   334,   338,   339,
     343,   346,   348,   352,   353,   357,   359,   361,   366,   369,
     372,   379,   382,   387,   389,   394,   395,   396,   397,   398,
     399,   403,   404,   408,   409,   413,   414,   418,   419
};
#endif

/** Accessing symbol of state STATE.  */
#define YY_ACCESSING_SYMBOL(State) YY_CAST (yysymbol_kind_t, yystos[State])

#if 1
/* The user-facing name of the symbol whose (internal) number is
   YYSYMBOL.  No bounds checking.  */
static const char *yysymbol_name (yysymbol_kind_t yysymbol) YY_ATTRIBUTE_UNUSED;

static const char *
yysymbol_name (yysymbol_kind_t yysymbol)
{
  static const char *const yy_sname[] =
  {
  "end of file", "error", "invalid token", "name", "number", "code",
  "date", "string", "较上年…", "部门", "区划", "年度", "金额单位", "编制",
  "审核", "指标体系", "导入", "总体目标", "分项目标", "保障措施", "单位",
  "合计", "项目", "类别", "项目期", "至", "主管部门", "实施单位", "预算",
  "中期预算", "财政资金", "其他资金", "用途", "支出计划", "目标",
  "中期目标", "指标", "中期", "描述", "依据", "标准", "截止", "每月",
  "不涉及", "≥", "≤", "＞", "＜", "＝", "%", "/", ",", "(", ")", "{", "}",
  "NO_UNIT", "MISSING_BRACE", "$accept", "file", "item", "header",
  "part_one", "sub_target", "sub_text", "agency", "total_opt", "code",
  "code_opt", "project", "project_head", "field", "when", "amount",
  "unit_opt", "sources_opt", "sources", "source", "plan_entries",
  "plan_entry", "medium_opt", "group_head", "group", "level", "row",
  "attrs", "attr", "value", "sign_opt", "unit", "unit_path", "date",
  "date_parts", YY_NULLPTR
  };
  return yy_sname[yysymbol];
}
#endif

#define YYPACT_NINF (-69)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-86)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int16 yypact[] =
{
     -69,    86,   -69,   -69,     2,     2,    27,    29,    35,    41,
      64,    65,    82,   103,   104,     2,     2,   -69,   -69,   -69,
      21,   -69,   -69,     1,   -69,   -69,   -69,   105,   -69,   -69,
     -69,   -69,   -69,   -69,   -69,   -69,    39,   106,   107,   108,
     -69,   109,   112,   -69,   -69,   -69,   113,    59,     2,   114,
     118,   118,   116,   120,   119,   121,   -69,   -69,   -69,    44,
     -69,    36,    88,   -69,   -69,    88,    71,   -69,   -69,   -69,
     -69,   -69,   110,   122,   -69,   124,    78,    78,   -69,   128,
      81,   -69,   -69,   -69,   -69,   -69,    79,   -69,   -69,    -2,
     -69,   118,   -69,   -69,   -69,    59,   -69,   -69,   -69,    43,
     -69,   -69,   130,   120,   -69,    37,   -69,   -69,   -69,   118,
     118,    24,   -69,   118,    87,   -69,   -69,    22,    84,   133,
     -69,   -69,   -69,   -69,   -69,   -69,   -69,   134,    78,    78,
      43,   -69,    78,   -69,   135,   137,   -69,   -69,   138,   138,
      14,     0,   -69,   -69,   -69,   -69,     0,   -69,   140,   139,
     141,   142,   -69,   -69,   -69,   -69,    91,   -69,   -69,   -69,
     -69,   -69,   144,   -69
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_int8 yydefact[] =
{
       2,     0,     1,     9,    30,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     3,     4,     5,
       0,     6,     7,     0,    29,    28,    31,     0,    11,    12,
      13,    14,    15,    16,     8,    17,     0,     0,     0,     0,
      24,     0,     0,    18,    21,    47,     0,     0,    30,     0,
       0,     0,     0,     0,     0,     0,    64,    32,    35,     0,
      66,     0,    26,    20,    19,    26,     0,    22,    23,    41,
      48,    49,     0,     0,    42,    51,    53,    53,    38,     0,
      45,    60,    39,    40,    68,    69,     0,    72,    46,     0,
      67,     0,    10,    25,    34,     0,    43,    52,    50,     0,
      36,    37,     0,     0,    65,    85,    70,    27,    44,     0,
       0,     0,    55,     0,     0,    61,    83,    81,     0,     0,
      84,    86,    87,    88,    89,    90,    73,     0,    53,    53,
       0,    54,    53,    62,     0,     0,    95,    79,    96,    80,
      71,     0,    57,    58,    56,    59,     0,    97,     0,     0,
       0,     0,    74,    93,    91,    78,    92,    82,    98,    75,
      76,    77,     0,    94
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int8 yypgoto[] =
{
     -69,   -69,   -69,   -69,   -69,   -69,   -69,   -69,    80,   102,
      96,   -69,   -69,   -69,    55,   -51,   -69,   -68,   -69,    23,
     -69,    48,   -69,   -69,   -69,    33,   -69,   -69,   -69,   -69,
      38,     6,   -69,   -69,    40
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_uint8 yydefgoto[] =
{
       0,     1,    17,    18,    19,    20,    44,    21,    92,    26,
      27,    22,    23,    58,    72,    76,    98,   100,   111,   112,
      80,    81,    59,    60,    61,   113,    90,   140,   152,   126,
     127,   155,   156,   137,   138
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_int16 yytable[] =
{
      77,   -33,    45,   153,   -63,   105,    24,    25,   -63,   101,
     -33,   -33,   -33,   -33,   -33,   -33,   -33,   -33,   -33,   -33,
     -33,   -33,    40,   -33,    46,    47,   -85,    48,    49,    50,
      51,    29,    30,    52,    53,    54,    55,    87,    56,    84,
     107,   106,    31,    85,   116,   117,    84,    84,    32,   154,
      85,    85,   149,   150,   151,    41,    57,    42,   128,   129,
     142,   143,   132,    70,   145,    71,   121,   122,   123,   124,
     125,    33,    34,   109,   110,   130,    43,   131,   118,   119,
     120,   121,   122,   123,   124,   125,     2,     3,   135,    35,
     136,    88,    86,    63,    89,     4,     5,     6,     7,     8,
       9,    10,    11,    12,    13,    14,    15,    28,    16,    91,
      36,    37,    62,    64,    65,    66,    67,    38,    39,    68,
      69,    74,    75,    78,    79,    94,    82,    97,    83,    96,
      99,   102,   103,   104,   114,    95,   133,   135,   141,   146,
     147,   162,   148,   158,    73,    93,   159,   163,   160,   161,
     108,   115,   157,   144,     0,   134,     0,     0,     0,   139
};

static const yytype_int16 yycheck[] =
{
      51,     0,     1,     3,     3,     7,     4,     5,     7,    77,
       9,    10,    11,    12,    13,    14,    15,    16,    17,    18,
      19,    20,     1,    22,    23,    24,     4,    26,    27,    28,
      29,     4,     3,    32,    33,    34,    35,     1,    37,     3,
      91,    43,     7,     7,     7,     8,     3,     3,     7,    49,
       7,     7,    38,    39,    40,    34,    55,    36,   109,   110,
     128,   129,   113,     4,   132,     6,    44,    45,    46,    47,
      48,     7,     7,    30,    31,    51,    55,    53,    41,    42,
      43,    44,    45,    46,    47,    48,     0,     1,     4,     7,
       6,    55,    59,    54,    61,     9,    10,    11,    12,    13,
      14,    15,    16,    17,    18,    19,    20,     5,    22,    21,
       7,     7,     7,     7,     7,     7,     7,    15,    16,     7,
       7,     7,     4,     7,     4,    54,     7,     3,     7,     7,
      52,     3,    51,    54,     4,    25,    49,     4,     4,     4,
       3,    50,     4,     3,    48,    65,     7,     3,     7,     7,
      95,   103,   146,   130,    -1,   117,    -1,    -1,    -1,   119
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_int8 yystos[] =
{
       0,    59,     0,     1,     9,    10,    11,    12,    13,    14,
      15,    16,    17,    18,    19,    20,    22,    60,    61,    62,
      63,    65,    69,    70,     4,     5,    67,    68,    67,     4,
       3,     7,     7,     7,     7,     7,     7,     7,    67,    67,
       1,    34,    36,    55,    64,     1,    23,    24,    26,    27,
      28,    29,    32,    33,    34,    35,    37,    55,    71,    80,
      81,    82,     7,    54,     7,     7,     7,     7,     7,     7,
       4,     6,    72,    68,     7,     4,    73,    73,     7,     4,
      78,    79,     7,     7,     3,     7,    83,     1,    55,    83,
      84,    21,    66,    66,    54,    25,     7,     3,    74,    52,
      75,    75,     3,    51,    54,     7,    43,    73,    72,    30,
      31,    76,    77,    83,     4,    79,     7,     8,    41,    42,
      43,    44,    45,    46,    47,    48,    87,    88,    73,    73,
      51,    53,    73,    49,    88,     4,     6,    91,    92,    92,
      85,     4,    75,    75,    77,    75,     4,     3,     4,    38,
      39,    40,    86,     3,    49,    89,    90,    89,     3,     7,
       7,     7,    50,     3
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr1[] =
{
       0,    58,    59,    59,    60,    60,    60,    60,    60,    60,
      61,    61,    61,    61,    61,    61,    61,    62,    62,    62,
      63,    63,    64,    64,    64,    65,    66,    66,    67,    67,
      68,    68,    69,    69,    70,    70,    71,    71,    71,    71,
      71,    71,    71,    71,    71,    71,    71,    71,    72,    72,
      73,    74,    74,    75,    75,    76,    76,    77,    77,    77,
      78,    78,    79,    80,    80,    81,    82,    82,    83,    83,
      84,    84,    84,    85,    85,    86,    86,    86,    87,    87,
      87,    87,    87,    87,    87,    88,    88,    88,    88,    88,
      88,    89,    89,    90,    90,    91,    91,    92,    92
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     0,     2,     1,     1,     1,     1,     2,     1,
       4,     2,     2,     2,     2,     2,     2,     2,     2,     3,
       3,     2,     2,     2,     1,     4,     0,     2,     1,     1,
       0,     1,     2,     1,     4,     2,     3,     3,     2,     2,
       2,     2,     2,     3,     4,     2,     2,     1,     1,     1,
       2,     0,     1,     0,     3,     1,     3,     3,     3,     3,
       1,     3,     4,     0,     1,     3,     1,     2,     1,     1,
       2,     4,     1,     0,     2,     2,     2,     2,     3,     2,
       2,     1,     4,     1,     1,     0,     1,     1,     1,     1,
       1,     1,     1,     1,     3,     1,     1,     2,     3
};


enum { YYENOMEM = -2 };

#define yyerrok         (yyerrstatus = 0)
#define yyclearin       (yychar = JX_YYEMPTY)

#define YYACCEPT        goto yyacceptlab
#define YYABORT         goto yyabortlab
#define YYERROR         goto yyerrorlab
#define YYNOMEM         goto yyexhaustedlab


#define YYRECOVERING()  (!!yyerrstatus)

#define YYBACKUP(Token, Value)                                    \
  do                                                              \
    if (yychar == JX_YYEMPTY)                                        \
      {                                                           \
        yychar = (Token);                                         \
        yylval = (Value);                                         \
        YYPOPSTACK (yylen);                                       \
        yystate = *yyssp;                                         \
        YY_LAC_DISCARD ("YYBACKUP");                              \
        goto yybackup;                                            \
      }                                                           \
    else                                                          \
      {                                                           \
        yyerror (&yylloc, scanner, YY_("syntax error: cannot back up")); \
        YYERROR;                                                  \
      }                                                           \
  while (0)

/* Backward compatibility with an undocumented macro.
   Use JX_YYerror or JX_YYUNDEF. */
#define YYERRCODE JX_YYUNDEF

/* YYLLOC_DEFAULT -- Set CURRENT to span from RHS[1] to RHS[N].
   If N is 0, then set CURRENT to the empty location which ends
   the previous symbol: RHS[0] (always defined).  */

#ifndef YYLLOC_DEFAULT
# define YYLLOC_DEFAULT(Current, Rhs, N)                                \
    do                                                                  \
      if (N)                                                            \
        {                                                               \
          (Current).first_line   = YYRHSLOC (Rhs, 1).first_line;        \
          (Current).first_column = YYRHSLOC (Rhs, 1).first_column;      \
          (Current).last_line    = YYRHSLOC (Rhs, N).last_line;         \
          (Current).last_column  = YYRHSLOC (Rhs, N).last_column;       \
        }                                                               \
      else                                                              \
        {                                                               \
          (Current).first_line   = (Current).last_line   =              \
            YYRHSLOC (Rhs, 0).last_line;                                \
          (Current).first_column = (Current).last_column =              \
            YYRHSLOC (Rhs, 0).last_column;                              \
        }                                                               \
    while (0)
#endif

#define YYRHSLOC(Rhs, K) ((Rhs)[K])


/* Enable debugging if requested.  */
#if JX_YYDEBUG

# ifndef YYFPRINTF
#  include <stdio.h> /* INFRINGES ON USER NAME SPACE */
#  define YYFPRINTF fprintf
# endif

# define YYDPRINTF(Args)                        \
do {                                            \
  if (yydebug)                                  \
    YYFPRINTF Args;                             \
} while (0)


/* YYLOCATION_PRINT -- Print the location on the stream.
   This macro was not mandated originally: define only if we know
   we won't break user code: when these are the locations we know.  */

# ifndef YYLOCATION_PRINT

#  if defined YY_LOCATION_PRINT

   /* Temporary convenience wrapper in case some people defined the
      undocumented and private YY_LOCATION_PRINT macros.  */
#   define YYLOCATION_PRINT(File, Loc)  YY_LOCATION_PRINT(File, *(Loc))

#  elif defined JX_YYLTYPE_IS_TRIVIAL && JX_YYLTYPE_IS_TRIVIAL

/* Print *YYLOCP on YYO.  Private, do not rely on its existence. */

YY_ATTRIBUTE_UNUSED
static int
yy_location_print_ (FILE *yyo, YYLTYPE const * const yylocp)
{
  int res = 0;
  int end_col = 0 != yylocp->last_column ? yylocp->last_column - 1 : 0;
  if (0 <= yylocp->first_line)
    {
      res += YYFPRINTF (yyo, "%d", yylocp->first_line);
      if (0 <= yylocp->first_column)
        res += YYFPRINTF (yyo, ".%d", yylocp->first_column);
    }
  if (0 <= yylocp->last_line)
    {
      if (yylocp->first_line < yylocp->last_line)
        {
          res += YYFPRINTF (yyo, "-%d", yylocp->last_line);
          if (0 <= end_col)
            res += YYFPRINTF (yyo, ".%d", end_col);
        }
      else if (0 <= end_col && yylocp->first_column < end_col)
        res += YYFPRINTF (yyo, "-%d", end_col);
    }
  return res;
}

#   define YYLOCATION_PRINT  yy_location_print_

    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT(File, Loc)  YYLOCATION_PRINT(File, &(Loc))

#  else

#   define YYLOCATION_PRINT(File, Loc) ((void) 0)
    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT  YYLOCATION_PRINT

#  endif
# endif /* !defined YYLOCATION_PRINT */


# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)                    \
do {                                                                      \
  if (yydebug)                                                            \
    {                                                                     \
      YYFPRINTF (stderr, "%s ", Title);                                   \
      yy_symbol_print (stderr,                                            \
                  Kind, Value, Location, scanner); \
      YYFPRINTF (stderr, "\n");                                           \
    }                                                                     \
} while (0)


/*-----------------------------------.
| Print this symbol's value on YYO.  |
`-----------------------------------*/

static void
yy_symbol_value_print (FILE *yyo,
                       yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, yyscan_t scanner)
{
  FILE *yyoutput = yyo;
  YY_USE (yyoutput);
  YY_USE (yylocationp);
  YY_USE (scanner);
  if (!yyvaluep)
    return;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}


/*---------------------------.
| Print this symbol on YYO.  |
`---------------------------*/

static void
yy_symbol_print (FILE *yyo,
                 yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, yyscan_t scanner)
{
  YYFPRINTF (yyo, "%s %s (",
             yykind < YYNTOKENS ? "token" : "nterm", yysymbol_name (yykind));

  YYLOCATION_PRINT (yyo, yylocationp);
  YYFPRINTF (yyo, ": ");
  yy_symbol_value_print (yyo, yykind, yyvaluep, yylocationp, scanner);
  YYFPRINTF (yyo, ")");
}

/*------------------------------------------------------------------.
| yy_stack_print -- Print the state stack from its BOTTOM up to its |
| TOP (included).                                                   |
`------------------------------------------------------------------*/

static void
yy_stack_print (yy_state_t *yybottom, yy_state_t *yytop)
{
  YYFPRINTF (stderr, "Stack now");
  for (; yybottom <= yytop; yybottom++)
    {
      int yybot = *yybottom;
      YYFPRINTF (stderr, " %d", yybot);
    }
  YYFPRINTF (stderr, "\n");
}

# define YY_STACK_PRINT(Bottom, Top)                            \
do {                                                            \
  if (yydebug)                                                  \
    yy_stack_print ((Bottom), (Top));                           \
} while (0)


/*------------------------------------------------.
| Report that the YYRULE is going to be reduced.  |
`------------------------------------------------*/

static void
yy_reduce_print (yy_state_t *yyssp, YYSTYPE *yyvsp, YYLTYPE *yylsp,
                 int yyrule, yyscan_t scanner)
{
  int yylno = yyrline[yyrule];
  int yynrhs = yyr2[yyrule];
  int yyi;
  YYFPRINTF (stderr, "Reducing stack by rule %d (line %d):\n",
             yyrule - 1, yylno);
  /* The symbols being reduced.  */
  for (yyi = 0; yyi < yynrhs; yyi++)
    {
      YYFPRINTF (stderr, "   $%d = ", yyi + 1);
      yy_symbol_print (stderr,
                       YY_ACCESSING_SYMBOL (+yyssp[yyi + 1 - yynrhs]),
                       &yyvsp[(yyi + 1) - (yynrhs)],
                       &(yylsp[(yyi + 1) - (yynrhs)]), scanner);
      YYFPRINTF (stderr, "\n");
    }
}

# define YY_REDUCE_PRINT(Rule)          \
do {                                    \
  if (yydebug)                          \
    yy_reduce_print (yyssp, yyvsp, yylsp, Rule, scanner); \
} while (0)

/* Nonzero means print parse trace.  It is left uninitialized so that
   multiple parsers can coexist.  */
int yydebug;
#else /* !JX_YYDEBUG */
# define YYDPRINTF(Args) ((void) 0)
# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)
# define YY_STACK_PRINT(Bottom, Top)
# define YY_REDUCE_PRINT(Rule)
#endif /* !JX_YYDEBUG */


/* YYINITDEPTH -- initial size of the parser's stacks.  */
#ifndef YYINITDEPTH
# define YYINITDEPTH 200
#endif

/* YYMAXDEPTH -- maximum size the stacks can grow to (effective only
   if the built-in stack extension method is used).

   Do not make this value too large; the results are undefined if
   YYSTACK_ALLOC_MAXIMUM < YYSTACK_BYTES (YYMAXDEPTH)
   evaluated with infinite-precision integer arithmetic.  */

#ifndef YYMAXDEPTH
# define YYMAXDEPTH 10000
#endif


/* Given a state stack such that *YYBOTTOM is its bottom, such that
   *YYTOP is either its top or is YYTOP_EMPTY to indicate an empty
   stack, and such that *YYCAPACITY is the maximum number of elements it
   can hold without a reallocation, make sure there is enough room to
   store YYADD more elements.  If not, allocate a new stack using
   YYSTACK_ALLOC, copy the existing elements, and adjust *YYBOTTOM,
   *YYTOP, and *YYCAPACITY to reflect the new capacity and memory
   location.  If *YYBOTTOM != YYBOTTOM_NO_FREE, then free the old stack
   using YYSTACK_FREE.  Return 0 if successful or if no reallocation is
   required.  Return YYENOMEM if memory is exhausted.  */
static int
yy_lac_stack_realloc (YYPTRDIFF_T *yycapacity, YYPTRDIFF_T yyadd,
#if JX_YYDEBUG
                      char const *yydebug_prefix,
                      char const *yydebug_suffix,
#endif
                      yy_state_t **yybottom,
                      yy_state_t *yybottom_no_free,
                      yy_state_t **yytop, yy_state_t *yytop_empty)
{
  YYPTRDIFF_T yysize_old =
    *yytop == yytop_empty ? 0 : *yytop - *yybottom + 1;
  YYPTRDIFF_T yysize_new = yysize_old + yyadd;
  if (*yycapacity < yysize_new)
    {
      YYPTRDIFF_T yyalloc = 2 * yysize_new;
      yy_state_t *yybottom_new;
      /* Use YYMAXDEPTH for maximum stack size given that the stack
         should never need to grow larger than the main state stack
         needs to grow without LAC.  */
      if (YYMAXDEPTH < yysize_new)
        {
          YYDPRINTF ((stderr, "%smax size exceeded%s", yydebug_prefix,
                      yydebug_suffix));
          return YYENOMEM;
        }
      if (YYMAXDEPTH < yyalloc)
        yyalloc = YYMAXDEPTH;
      yybottom_new =
        YY_CAST (yy_state_t *,
                 YYSTACK_ALLOC (YY_CAST (YYSIZE_T,
                                         yyalloc * YYSIZEOF (*yybottom_new))));
      if (!yybottom_new)
        {
          YYDPRINTF ((stderr, "%srealloc failed%s", yydebug_prefix,
                      yydebug_suffix));
          return YYENOMEM;
        }
      if (*yytop != yytop_empty)
        {
          YYCOPY (yybottom_new, *yybottom, yysize_old);
          *yytop = yybottom_new + (yysize_old - 1);
        }
      if (*yybottom != yybottom_no_free)
        YYSTACK_FREE (*yybottom);
      *yybottom = yybottom_new;
      *yycapacity = yyalloc;
    }
  return 0;
}

/* Establish the initial context for the current lookahead if no initial
   context is currently established.

   We define a context as a snapshot of the parser stacks.  We define
   the initial context for a lookahead as the context in which the
   parser initially examines that lookahead in order to select a
   syntactic action.  Thus, if the lookahead eventually proves
   syntactically unacceptable (possibly in a later context reached via a
   series of reductions), the initial context can be used to determine
   the exact set of tokens that would be syntactically acceptable in the
   lookahead's place.  Moreover, it is the context after which any
   further semantic actions would be erroneous because they would be
   determined by a syntactically unacceptable token.

   YY_LAC_ESTABLISH should be invoked when a reduction is about to be
   performed in an inconsistent state (which, for the purposes of LAC,
   includes consistent states that don't know they're consistent because
   their default reductions have been disabled).  Iff there is a
   lookahead token, it should also be invoked before reporting a syntax
   error.  This latter case is for the sake of the debugging output.

   For parse.lac=full, the implementation of YY_LAC_ESTABLISH is as
   follows.  If no initial context is currently established for the
   current lookahead, then check if that lookahead can eventually be
   shifted if syntactic actions continue from the current context.
   Report a syntax error if it cannot.  */
#define YY_LAC_ESTABLISH                                                \
do {                                                                    \
  if (!yy_lac_established)                                              \
    {                                                                   \
      YYDPRINTF ((stderr,                                               \
                  "LAC: initial context established for %s\n",          \
                  yysymbol_name (yytoken)));                            \
      yy_lac_established = 1;                                           \
      switch (yy_lac (yyesa, &yyes, &yyes_capacity, yyssp, yytoken))    \
        {                                                               \
        case YYENOMEM:                                                  \
          YYNOMEM;                                                      \
        case 1:                                                         \
          goto yyerrlab;                                                \
        }                                                               \
    }                                                                   \
} while (0)

/* Discard any previous initial lookahead context because of Event,
   which may be a lookahead change or an invalidation of the currently
   established initial context for the current lookahead.

   The most common example of a lookahead change is a shift.  An example
   of both cases is syntax error recovery.  That is, a syntax error
   occurs when the lookahead is syntactically erroneous for the
   currently established initial context, so error recovery manipulates
   the parser stacks to try to find a new initial context in which the
   current lookahead is syntactically acceptable.  If it fails to find
   such a context, it discards the lookahead.  */
#if JX_YYDEBUG
# define YY_LAC_DISCARD(Event)                                           \
do {                                                                     \
  if (yy_lac_established)                                                \
    {                                                                    \
      YYDPRINTF ((stderr, "LAC: initial context discarded due to "       \
                  Event "\n"));                                          \
      yy_lac_established = 0;                                            \
    }                                                                    \
} while (0)
#else
# define YY_LAC_DISCARD(Event) yy_lac_established = 0
#endif

/* Given the stack whose top is *YYSSP, return 0 iff YYTOKEN can
   eventually (after perhaps some reductions) be shifted, return 1 if
   not, or return YYENOMEM if memory is exhausted.  As preconditions and
   postconditions: *YYES_CAPACITY is the allocated size of the array to
   which *YYES points, and either *YYES = YYESA or *YYES points to an
   array allocated with YYSTACK_ALLOC.  yy_lac may overwrite the
   contents of either array, alter *YYES and *YYES_CAPACITY, and free
   any old *YYES other than YYESA.  */
static int
yy_lac (yy_state_t *yyesa, yy_state_t **yyes,
        YYPTRDIFF_T *yyes_capacity, yy_state_t *yyssp, yysymbol_kind_t yytoken)
{
  yy_state_t *yyes_prev = yyssp;
  yy_state_t *yyesp = yyes_prev;
  /* Reduce until we encounter a shift and thereby accept the token.  */
  YYDPRINTF ((stderr, "LAC: checking lookahead %s:", yysymbol_name (yytoken)));
  if (yytoken == YYSYMBOL_YYUNDEF)
    {
      YYDPRINTF ((stderr, " Always Err\n"));
      return 1;
    }
  while (1)
    {
      int yyrule = yypact[+*yyesp];
      if (yypact_value_is_default (yyrule)
          || (yyrule += yytoken) < 0 || YYLAST < yyrule
          || yycheck[yyrule] != yytoken)
        {
          /* Use the default action.  */
          yyrule = yydefact[+*yyesp];
          if (yyrule == 0)
            {
              YYDPRINTF ((stderr, " Err\n"));
              return 1;
            }
        }
      else
        {
          /* Use the action from yytable.  */
          yyrule = yytable[yyrule];
          if (yytable_value_is_error (yyrule))
            {
              YYDPRINTF ((stderr, " Err\n"));
              return 1;
            }
          if (0 < yyrule)
            {
              YYDPRINTF ((stderr, " S%d\n", yyrule));
              return 0;
            }
          yyrule = -yyrule;
        }
      /* By now we know we have to simulate a reduce.  */
      YYDPRINTF ((stderr, " R%d", yyrule - 1));
      {
        /* Pop the corresponding number of values from the stack.  */
        YYPTRDIFF_T yylen = yyr2[yyrule];
        /* First pop from the LAC stack as many tokens as possible.  */
        if (yyesp != yyes_prev)
          {
            YYPTRDIFF_T yysize = yyesp - *yyes + 1;
            if (yylen < yysize)
              {
                yyesp -= yylen;
                yylen = 0;
              }
            else
              {
                yyesp = yyes_prev;
                yylen -= yysize;
              }
          }
        /* Only afterwards look at the main stack.  */
        if (yylen)
          yyesp = yyes_prev -= yylen;
      }
      /* Push the resulting state of the reduction.  */
      {
        yy_state_fast_t yystate;
        {
          const int yylhs = yyr1[yyrule] - YYNTOKENS;
          const int yyi = yypgoto[yylhs] + *yyesp;
          yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyesp
                     ? yytable[yyi]
                     : yydefgoto[yylhs]);
        }
        if (yyesp == yyes_prev)
          {
            yyesp = *yyes;
            YY_IGNORE_USELESS_CAST_BEGIN
            *yyesp = YY_CAST (yy_state_t, yystate);
            YY_IGNORE_USELESS_CAST_END
          }
        else
          {
            if (yy_lac_stack_realloc (yyes_capacity, 1,
#if JX_YYDEBUG
                                      " (", ")",
#endif
                                      yyes, yyesa, &yyesp, yyes_prev))
              {
                YYDPRINTF ((stderr, "\n"));
                return YYENOMEM;
              }
            YY_IGNORE_USELESS_CAST_BEGIN
            *++yyesp = YY_CAST (yy_state_t, yystate);
            YY_IGNORE_USELESS_CAST_END
          }
        YYDPRINTF ((stderr, " G%d", yystate));
      }
    }
}

/* Context of a parse error.  */
typedef struct
{
  yy_state_t *yyssp;
  yy_state_t *yyesa;
  yy_state_t **yyes;
  YYPTRDIFF_T *yyes_capacity;
  yysymbol_kind_t yytoken;
  YYLTYPE *yylloc;
} yypcontext_t;

/* Put in YYARG at most YYARGN of the expected tokens given the
   current YYCTX, and return the number of tokens stored in YYARG.  If
   YYARG is null, return the number of expected tokens (guaranteed to
   be less than YYNTOKENS).  Return YYENOMEM on memory exhaustion.
   Return 0 if there are more than YYARGN expected tokens, yet fill
   YYARG up to YYARGN. */
static int
yypcontext_expected_tokens (const yypcontext_t *yyctx,
                            yysymbol_kind_t yyarg[], int yyargn)
{
  /* Actual size of YYARG. */
  int yycount = 0;

  int yyx;
  for (yyx = 0; yyx < YYNTOKENS; ++yyx)
    {
      yysymbol_kind_t yysym = YY_CAST (yysymbol_kind_t, yyx);
      if (yysym != YYSYMBOL_YYerror && yysym != YYSYMBOL_YYUNDEF)
        switch (yy_lac (yyctx->yyesa, yyctx->yyes, yyctx->yyes_capacity, yyctx->yyssp, yysym))
          {
          case YYENOMEM:
            return YYENOMEM;
          case 1:
            continue;
          default:
            if (!yyarg)
              ++yycount;
            else if (yycount == yyargn)
              return 0;
            else
              yyarg[yycount++] = yysym;
          }
    }
  if (yyarg && yycount == 0 && 0 < yyargn)
    yyarg[0] = YYSYMBOL_YYEMPTY;
  return yycount;
}




#ifndef yystrlen
# if defined __GLIBC__ && defined _STRING_H
#  define yystrlen(S) (YY_CAST (YYPTRDIFF_T, strlen (S)))
# else
/* Return the length of YYSTR.  */
static YYPTRDIFF_T
yystrlen (const char *yystr)
{
  YYPTRDIFF_T yylen;
  for (yylen = 0; yystr[yylen]; yylen++)
    continue;
  return yylen;
}
# endif
#endif

#ifndef yystpcpy
# if defined __GLIBC__ && defined _STRING_H && defined _GNU_SOURCE
#  define yystpcpy stpcpy
# else
/* Copy YYSRC to YYDEST, returning the address of the terminating '\0' in
   YYDEST.  */
static char *
yystpcpy (char *yydest, const char *yysrc)
{
  char *yyd = yydest;
  const char *yys = yysrc;

  while ((*yyd++ = *yys++) != '\0')
    continue;

  return yyd - 1;
}
# endif
#endif



static int
yy_syntax_error_arguments (const yypcontext_t *yyctx,
                           yysymbol_kind_t yyarg[], int yyargn)
{
  /* Actual size of YYARG. */
  int yycount = 0;
  /* There are many possibilities here to consider:
     - If this state is a consistent state with a default action, then
       the only way this function was invoked is if the default action
       is an error action.  In that case, don't check for expected
       tokens because there are none.
     - The only way there can be no lookahead present (in yychar) is if
       this state is a consistent state with a default action.  Thus,
       detecting the absence of a lookahead is sufficient to determine
       that there is no unexpected or expected token to report.  In that
       case, just report a simple "syntax error".
     - Don't assume there isn't a lookahead just because this state is a
       consistent state with a default action.  There might have been a
       previous inconsistent state, consistent state with a non-default
       action, or user semantic action that manipulated yychar.
       In the first two cases, it might appear that the current syntax
       error should have been detected in the previous state when yy_lac
       was invoked.  However, at that time, there might have been a
       different syntax error that discarded a different initial context
       during error recovery, leaving behind the current lookahead.
  */
  if (yyctx->yytoken != YYSYMBOL_YYEMPTY)
    {
      int yyn;
      YYDPRINTF ((stderr, "Constructing syntax error message\n"));
      if (yyarg)
        yyarg[yycount] = yyctx->yytoken;
      ++yycount;
      yyn = yypcontext_expected_tokens (yyctx,
                                        yyarg ? yyarg + 1 : yyarg, yyargn - 1);
      if (yyn == YYENOMEM)
        return YYENOMEM;
      else if (yyn == 0)
        YYDPRINTF ((stderr, "No expected tokens.\n"));
      else
        yycount += yyn;
    }
  return yycount;
}

/* Copy into *YYMSG, which is of size *YYMSG_ALLOC, an error message
   about the unexpected token YYTOKEN for the state stack whose top is
   YYSSP.  In order to see if a particular token T is a
   valid looakhead, invoke yy_lac (YYESA, YYES, YYES_CAPACITY, YYSSP, T).

   Return 0 if *YYMSG was successfully written.  Return -1 if *YYMSG is
   not large enough to hold the message.  In that case, also set
   *YYMSG_ALLOC to the required number of bytes.  Return YYENOMEM if the
   required number of bytes is too large to store or if
   yy_lac returned YYENOMEM.  */
static int
yysyntax_error (YYPTRDIFF_T *yymsg_alloc, char **yymsg,
                const yypcontext_t *yyctx)
{
  enum { YYARGS_MAX = 5 };
  /* Internationalized format string. */
  const char *yyformat = YY_NULLPTR;
  /* Arguments of yyformat: reported tokens (one for the "unexpected",
     one per "expected"). */
  yysymbol_kind_t yyarg[YYARGS_MAX];
  /* Cumulated lengths of YYARG.  */
  YYPTRDIFF_T yysize = 0;

  /* Actual size of YYARG. */
  int yycount = yy_syntax_error_arguments (yyctx, yyarg, YYARGS_MAX);
  if (yycount == YYENOMEM)
    return YYENOMEM;

  switch (yycount)
    {
#define YYCASE_(N, S)                       \
      case N:                               \
        yyformat = S;                       \
        break
    default: /* Avoid compiler warnings. */
      YYCASE_(0, YY_("syntax error"));
      YYCASE_(1, YY_("syntax error, unexpected %s"));
      YYCASE_(2, YY_("syntax error, unexpected %s, expecting %s"));
      YYCASE_(3, YY_("syntax error, unexpected %s, expecting %s or %s"));
      YYCASE_(4, YY_("syntax error, unexpected %s, expecting %s or %s or %s"));
      YYCASE_(5, YY_("syntax error, unexpected %s, expecting %s or %s or %s or %s"));
#undef YYCASE_
    }

  /* Compute error message size.  Don't count the "%s"s, but reserve
     room for the terminator.  */
  yysize = yystrlen (yyformat) - 2 * yycount + 1;
  {
    int yyi;
    for (yyi = 0; yyi < yycount; ++yyi)
      {
        YYPTRDIFF_T yysize1
          = yysize + yystrlen (yysymbol_name (yyarg[yyi]));
        if (yysize <= yysize1 && yysize1 <= YYSTACK_ALLOC_MAXIMUM)
          yysize = yysize1;
        else
          return YYENOMEM;
      }
  }

  if (*yymsg_alloc < yysize)
    {
      *yymsg_alloc = 2 * yysize;
      if (! (yysize <= *yymsg_alloc
             && *yymsg_alloc <= YYSTACK_ALLOC_MAXIMUM))
        *yymsg_alloc = YYSTACK_ALLOC_MAXIMUM;
      return -1;
    }

  /* Avoid sprintf, as that infringes on the user's name space.
     Don't have undefined behavior even if the translation
     produced a string with the wrong number of "%s"s.  */
  {
    char *yyp = *yymsg;
    int yyi = 0;
    while ((*yyp = *yyformat) != '\0')
      if (*yyp == '%' && yyformat[1] == 's' && yyi < yycount)
        {
          yyp = yystpcpy (yyp, yysymbol_name (yyarg[yyi++]));
          yyformat += 2;
        }
      else
        {
          ++yyp;
          ++yyformat;
        }
  }
  return 0;
}


/*-----------------------------------------------.
| Release the memory associated to this symbol.  |
`-----------------------------------------------*/

static void
yydestruct (const char *yymsg,
            yysymbol_kind_t yykind, YYSTYPE *yyvaluep, YYLTYPE *yylocationp, yyscan_t scanner)
{
  YY_USE (yyvaluep);
  YY_USE (yylocationp);
  YY_USE (scanner);
  if (!yymsg)
    yymsg = "Deleting";
  YY_SYMBOL_PRINT (yymsg, yykind, yyvaluep, yylocationp);

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}






/*----------.
| yyparse.  |
`----------*/

int
yyparse (yyscan_t scanner)
{
/* Lookahead token kind.  */
int yychar;


/* The semantic value of the lookahead symbol.  */
/* Default value used for initialization, for pacifying older GCCs
   or non-GCC compilers.  */
YY_INITIAL_VALUE (static YYSTYPE yyval_default;)
YYSTYPE yylval YY_INITIAL_VALUE (= yyval_default);

/* Location data for the lookahead symbol.  */
static YYLTYPE yyloc_default
# if defined JX_YYLTYPE_IS_TRIVIAL && JX_YYLTYPE_IS_TRIVIAL
  = { 1, 1, 1, 1 }
# endif
;
YYLTYPE yylloc = yyloc_default;

    /* Number of syntax errors so far.  */
    int yynerrs = 0;

    yy_state_fast_t yystate = 0;
    /* Number of tokens to shift before error messages enabled.  */
    int yyerrstatus = 0;

    /* Refer to the stacks through separate pointers, to allow yyoverflow
       to reallocate them elsewhere.  */

    /* Their size.  */
    YYPTRDIFF_T yystacksize = YYINITDEPTH;

    /* The state stack: array, bottom, top.  */
    yy_state_t yyssa[YYINITDEPTH];
    yy_state_t *yyss = yyssa;
    yy_state_t *yyssp = yyss;

    /* The semantic value stack: array, bottom, top.  */
    YYSTYPE yyvsa[YYINITDEPTH];
    YYSTYPE *yyvs = yyvsa;
    YYSTYPE *yyvsp = yyvs;

    /* The location stack: array, bottom, top.  */
    YYLTYPE yylsa[YYINITDEPTH];
    YYLTYPE *yyls = yylsa;
    YYLTYPE *yylsp = yyls;

    yy_state_t yyesa[20];
    yy_state_t *yyes = yyesa;
    YYPTRDIFF_T yyes_capacity = 20 < YYMAXDEPTH ? 20 : YYMAXDEPTH;

  /* Whether LAC context is established.  A Boolean.  */
  int yy_lac_established = 0;
  int yyn;
  /* The return value of yyparse.  */
  int yyresult;
  /* Lookahead symbol kind.  */
  yysymbol_kind_t yytoken = YYSYMBOL_YYEMPTY;
  /* The variables used to return semantic value and location from the
     action routines.  */
  YYSTYPE yyval;
  YYLTYPE yyloc;

  /* The locations where the error started and ended.  */
  YYLTYPE yyerror_range[3];

  /* Buffer for error messages, and its allocated size.  */
  char yymsgbuf[128];
  char *yymsg = yymsgbuf;
  YYPTRDIFF_T yymsg_alloc = sizeof yymsgbuf;

#define YYPOPSTACK(N)   (yyvsp -= (N), yyssp -= (N), yylsp -= (N))

  /* The number of symbols on the RHS of the reduced rule.
     Keep to zero when no symbol should be popped.  */
  int yylen = 0;

  YYDPRINTF ((stderr, "Starting parse\n"));

  yychar = JX_YYEMPTY; /* Cause a token to be read.  */

  yylsp[0] = yylloc;
  goto yysetstate;


/*------------------------------------------------------------.
| yynewstate -- push a new state, which is found in yystate.  |
`------------------------------------------------------------*/
yynewstate:
  /* In all cases, when you get here, the value and location stacks
     have just been pushed.  So pushing a state here evens the stacks.  */
  yyssp++;


/*--------------------------------------------------------------------.
| yysetstate -- set current state (the top of the stack) to yystate.  |
`--------------------------------------------------------------------*/
yysetstate:
  YYDPRINTF ((stderr, "Entering state %d\n", yystate));
  YY_ASSERT (0 <= yystate && yystate < YYNSTATES);
  YY_IGNORE_USELESS_CAST_BEGIN
  *yyssp = YY_CAST (yy_state_t, yystate);
  YY_IGNORE_USELESS_CAST_END
  YY_STACK_PRINT (yyss, yyssp);

  if (yyss + yystacksize - 1 <= yyssp)
#if !defined yyoverflow && !defined YYSTACK_RELOCATE
    YYNOMEM;
#else
    {
      /* Get the current used size of the three stacks, in elements.  */
      YYPTRDIFF_T yysize = yyssp - yyss + 1;

# if defined yyoverflow
      {
        /* Give user a chance to reallocate the stack.  Use copies of
           these so that the &'s don't force the real ones into
           memory.  */
        yy_state_t *yyss1 = yyss;
        YYSTYPE *yyvs1 = yyvs;
        YYLTYPE *yyls1 = yyls;

        /* Each stack pointer address is followed by the size of the
           data in use in that stack, in bytes.  This used to be a
           conditional around just the two extra args, but that might
           be undefined if yyoverflow is a macro.  */
        yyoverflow (YY_("memory exhausted"),
                    &yyss1, yysize * YYSIZEOF (*yyssp),
                    &yyvs1, yysize * YYSIZEOF (*yyvsp),
                    &yyls1, yysize * YYSIZEOF (*yylsp),
                    &yystacksize);
        yyss = yyss1;
        yyvs = yyvs1;
        yyls = yyls1;
      }
# else /* defined YYSTACK_RELOCATE */
      /* Extend the stack our own way.  */
      if (YYMAXDEPTH <= yystacksize)
        YYNOMEM;
      yystacksize *= 2;
      if (YYMAXDEPTH < yystacksize)
        yystacksize = YYMAXDEPTH;

      {
        yy_state_t *yyss1 = yyss;
        union yyalloc *yyptr =
          YY_CAST (union yyalloc *,
                   YYSTACK_ALLOC (YY_CAST (YYSIZE_T, YYSTACK_BYTES (yystacksize))));
        if (! yyptr)
          YYNOMEM;
        YYSTACK_RELOCATE (yyss_alloc, yyss);
        YYSTACK_RELOCATE (yyvs_alloc, yyvs);
        YYSTACK_RELOCATE (yyls_alloc, yyls);
#  undef YYSTACK_RELOCATE
        if (yyss1 != yyssa)
          YYSTACK_FREE (yyss1);
      }
# endif

      yyssp = yyss + yysize - 1;
      yyvsp = yyvs + yysize - 1;
      yylsp = yyls + yysize - 1;

      YY_IGNORE_USELESS_CAST_BEGIN
      YYDPRINTF ((stderr, "Stack size increased to %ld\n",
                  YY_CAST (long, yystacksize)));
      YY_IGNORE_USELESS_CAST_END

      if (yyss + yystacksize - 1 <= yyssp)
        YYABORT;
    }
#endif /* !defined yyoverflow && !defined YYSTACK_RELOCATE */


  if (yystate == YYFINAL)
    YYACCEPT;

  goto yybackup;


/*-----------.
| yybackup.  |
`-----------*/
yybackup:
  /* Do appropriate processing given the current state.  Read a
     lookahead token if we need one and don't already have one.  */

  /* First try to decide what to do without reference to lookahead token.  */
  yyn = yypact[yystate];
  if (yypact_value_is_default (yyn))
    goto yydefault;

  /* Not known => get a lookahead token if don't already have one.  */

  /* YYCHAR is either empty, or end-of-input, or a valid lookahead.  */
  if (yychar == JX_YYEMPTY)
    {
      YYDPRINTF ((stderr, "Reading a token\n"));
      yychar = yylex (&yylval, &yylloc, scanner);
    }

  if (yychar <= JX_YYEOF)
    {
      yychar = JX_YYEOF;
      yytoken = YYSYMBOL_YYEOF;
      YYDPRINTF ((stderr, "Now at end of input.\n"));
    }
  else if (yychar == JX_YYerror)
    {
      /* The scanner already issued an error message, process directly
         to error recovery.  But do not keep the error token as
         lookahead, it is too special and may lead us to an endless
         loop in error recovery. */
      yychar = JX_YYUNDEF;
      yytoken = YYSYMBOL_YYerror;
      yyerror_range[1] = yylloc;
      goto yyerrlab1;
    }
  else
    {
      yytoken = YYTRANSLATE (yychar);
      YY_SYMBOL_PRINT ("Next token is", yytoken, &yylval, &yylloc);
    }

  /* If the proper action on seeing token YYTOKEN is to reduce or to
     detect an error, take that action.  */
  yyn += yytoken;
  if (yyn < 0 || YYLAST < yyn || yycheck[yyn] != yytoken)
    {
      YY_LAC_ESTABLISH;
      goto yydefault;
    }
  yyn = yytable[yyn];
  if (yyn <= 0)
    {
      if (yytable_value_is_error (yyn))
        goto yyerrlab;
      yyn = -yyn;
      YY_LAC_ESTABLISH;
      goto yyreduce;
    }

  /* Count tokens shifted since error; after three, turn off error
     status.  */
  if (yyerrstatus)
    yyerrstatus--;

  /* Shift the lookahead token.  */
  YY_SYMBOL_PRINT ("Shifting", yytoken, &yylval, &yylloc);
  yystate = yyn;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END
  *++yylsp = yylloc;

  /* Discard the shifted token.  */
  yychar = JX_YYEMPTY;
  YY_LAC_DISCARD ("shift");
  goto yynewstate;


/*-----------------------------------------------------------.
| yydefault -- do the default action for the current state.  |
`-----------------------------------------------------------*/
yydefault:
  yyn = yydefact[yystate];
  if (yyn == 0)
    goto yyerrlab;
  goto yyreduce;


/*-----------------------------.
| yyreduce -- do a reduction.  |
`-----------------------------*/
yyreduce:
  /* yyn is the number of a rule to reduce with.  */
  yylen = yyr2[yyn];

  /* If YYLEN is nonzero, implement the default value of the action:
     '$$ = $1'.

     Otherwise, the following line sets YYVAL to garbage.
     This behavior is undocumented and Bison
     users should not rely upon it.  Assigning to YYVAL
     unconditionally makes the parser a bit smaller, and it avoids a
     GCC warning that YYVAL may be used uninitialized.  */
  yyval = yyvsp[1-yylen];

  /* Default location. */
  YYLLOC_DEFAULT (yyloc, (yylsp - yylen), yylen);
  yyerror_range[1] = yyloc;
  YY_REDUCE_PRINT (yyn);
  {
    int yychar_backup = yychar;
    switch (yyn)
      {
  case 3: /* file: file item  */
#line 163 "grammar/parser.y"
                            { if ((yyvsp[0].node)) add_item(PS, (yyvsp[0].node)); }
#line 1906 "parser.tab.c"
    break;

  case 7: /* item: project  */
#line 170 "grammar/parser.y"
                            { (yyval.node) = &(yyvsp[0].project)->base; }
#line 1912 "parser.tab.c"
    break;

  case 8: /* item: "导入" "string"  */
#line 171 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_IMPORT, (yyloc), (yyvsp[0].str)); }
#line 1918 "parser.tab.c"
    break;

  case 9: /* item: error  */
#line 172 "grammar/parser.y"
                            { (yyval.node) = NULL; }
#line 1924 "parser.tab.c"
    break;

  case 10: /* header: "部门" code_opt "string" total_opt  */
#line 177 "grammar/parser.y"
                            { (yyval.node) = org_item(PS, JX_NODE_DEPARTMENT, (yyloc), (yyvsp[-2].name), (yyvsp[-1].str), (yyvsp[0].amount)); }
#line 1930 "parser.tab.c"
    break;

  case 11: /* header: "区划" code  */
#line 178 "grammar/parser.y"
                            { jx_name_item *n = NEW(jx_name_item, JX_NODE_REGION, (yyloc));
                              n->value = *(yyvsp[0].name); (yyval.node) = &n->base; }
#line 1937 "parser.tab.c"
    break;

  case 12: /* header: "年度" "number"  */
#line 180 "grammar/parser.y"
                            { jx_name_item *n = NEW(jx_name_item, JX_NODE_YEAR, (yyloc));
                              n->value = *make_name(PS, (yyvsp[0].text), (yylsp[0])); (yyval.node) = &n->base; }
#line 1944 "parser.tab.c"
    break;

  case 13: /* header: "金额单位" "name"  */
#line 182 "grammar/parser.y"
                            { jx_name_item *n = NEW(jx_name_item, JX_NODE_MONEY_UNIT, (yyloc));
                              n->value = *make_name(PS, (yyvsp[0].text), (yylsp[0])); (yyval.node) = &n->base; }
#line 1951 "parser.tab.c"
    break;

  case 14: /* header: "编制" "string"  */
#line 184 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_COMPILED_BY, (yyloc), (yyvsp[0].str)); }
#line 1957 "parser.tab.c"
    break;

  case 15: /* header: "审核" "string"  */
#line 185 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_REVIEWED_BY, (yyloc), (yyvsp[0].str)); }
#line 1963 "parser.tab.c"
    break;

  case 16: /* header: "指标体系" "string"  */
#line 186 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_FRAMEWORK, (yyloc), (yyvsp[0].str)); }
#line 1969 "parser.tab.c"
    break;

  case 17: /* part_one: "总体目标" "string"  */
#line 191 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_OVERALL_TARGET, (yyloc), (yyvsp[0].str)); }
#line 1975 "parser.tab.c"
    break;

  case 18: /* part_one: sub_target "}"  */
#line 192 "grammar/parser.y"
                            { (yyvsp[-1].sub)->base.loc = (yyloc); (yyval.node) = &(yyvsp[-1].sub)->base; }
#line 1981 "parser.tab.c"
    break;

  case 19: /* part_one: "保障措施" "string" "string"  */
#line 194 "grammar/parser.y"
                            { jx_safeguard *s = NEW(jx_safeguard, JX_NODE_SAFEGUARD, (yyloc));
                              s->title = *(yyvsp[-1].str); s->text = *(yyvsp[0].str); (yyval.node) = &s->base; }
#line 1988 "parser.tab.c"
    break;

  case 20: /* sub_target: "分项目标" "string" "{"  */
#line 199 "grammar/parser.y"
                             { (yyval.sub) = NEW(jx_sub_target, JX_NODE_SUB_TARGET, (yyloc));
                               (yyval.sub)->title = *(yyvsp[-1].str); }
#line 1995 "parser.tab.c"
    break;

  case 21: /* sub_target: sub_target sub_text  */
#line 201 "grammar/parser.y"
                             { (yyval.sub) = (yyvsp[-1].sub); if ((yyvsp[0].node)) jx_list_push(ARENA, &(yyval.sub)->texts, (yyvsp[0].node)); }
#line 2001 "parser.tab.c"
    break;

  case 22: /* sub_text: "目标" "string"  */
#line 205 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_SUB_TARGET_TEXT, (yyloc), (yyvsp[0].str)); }
#line 2007 "parser.tab.c"
    break;

  case 23: /* sub_text: "指标" "string"  */
#line 206 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_SUB_INDICATOR_TEXT, (yyloc), (yyvsp[0].str)); }
#line 2013 "parser.tab.c"
    break;

  case 24: /* sub_text: error  */
#line 207 "grammar/parser.y"
                            { (yyval.node) = NULL; }
#line 2019 "parser.tab.c"
    break;

  case 25: /* agency: "单位" code "string" total_opt  */
#line 212 "grammar/parser.y"
                            { (yyval.node) = org_item(PS, JX_NODE_AGENCY, (yyloc), (yyvsp[-2].name), (yyvsp[-1].str), (yyvsp[0].amount));
                              PS->agency = (jx_org *)(yyval.node); }
#line 2026 "parser.tab.c"
    break;

  case 26: /* total_opt: %empty  */
#line 217 "grammar/parser.y"
                            { (yyval.amount) = NULL; }
#line 2032 "parser.tab.c"
    break;

  case 27: /* total_opt: "合计" amount  */
#line 218 "grammar/parser.y"
                            { (yyval.amount) = (yyvsp[0].amount); }
#line 2038 "parser.tab.c"
    break;

  case 28: /* code: "code"  */
#line 222 "grammar/parser.y"
                            { (yyval.name) = make_name(PS, (yyvsp[0].text), (yylsp[0])); }
#line 2044 "parser.tab.c"
    break;

  case 29: /* code: "number"  */
#line 223 "grammar/parser.y"
                            { (yyval.name) = make_name(PS, (yyvsp[0].text), (yylsp[0])); }
#line 2050 "parser.tab.c"
    break;

  case 30: /* code_opt: %empty  */
#line 227 "grammar/parser.y"
                            { (yyval.name) = NULL; }
#line 2056 "parser.tab.c"
    break;

  case 32: /* project: project_head "}"  */
#line 232 "grammar/parser.y"
                            { (yyval.project) = (yyvsp[-1].project); (yyval.project)->base.loc = (yyloc); }
#line 2062 "parser.tab.c"
    break;

  case 33: /* project: project_head  */
#line 234 "grammar/parser.y"
                            { (yyval.project) = (yyvsp[0].project); (yyval.project)->base.loc = (yylsp[0]);
                              jx_diag *d = jx_report(PS->ctx, JX_SEV_ERROR, "J015", (yylsp[0]),
                                "Project %s \"%s\" is not closed with }.",
                                (yyvsp[0].project)->code.text, (yyvsp[0].project)->name.text);
                              jx_diag_hint(PS->ctx, d, "Add } after its last field, "
                                "before the next project or budget unit."); }
#line 2073 "parser.tab.c"
    break;

  case 34: /* project_head: "项目" code "string" "{"  */
#line 244 "grammar/parser.y"
                            { (yyval.project) = NEW(jx_project, JX_NODE_PROJECT, (yyloc));
                              (yyval.project)->code = *(yyvsp[-2].name); (yyval.project)->name = *(yyvsp[-1].str);
                              (yyval.project)->agency = PS->agency; }
#line 2081 "parser.tab.c"
    break;

  case 35: /* project_head: project_head field  */
#line 247 "grammar/parser.y"
                            { (yyval.project) = (yyvsp[-1].project); if ((yyvsp[0].node)) add_field(PS, (yyval.project), (yyvsp[0].node)); }
#line 2087 "parser.tab.c"
    break;

  case 36: /* field: "预算" amount sources_opt  */
#line 252 "grammar/parser.y"
                            { (yyval.node) = budget_item(PS, JX_NODE_BUDGET, (yyloc), (yyvsp[-1].amount), (yyvsp[0].list)); }
#line 2093 "parser.tab.c"
    break;

  case 37: /* field: "中期预算" amount sources_opt  */
#line 254 "grammar/parser.y"
                            { (yyval.node) = budget_item(PS, JX_NODE_MEDIUM_BUDGET, (yyloc), (yyvsp[-1].amount), (yyvsp[0].list)); }
#line 2099 "parser.tab.c"
    break;

  case 38: /* field: "用途" "string"  */
#line 255 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_PURPOSE, (yyloc), (yyvsp[0].str)); }
#line 2105 "parser.tab.c"
    break;

  case 39: /* field: "目标" "string"  */
#line 256 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_TARGET, (yyloc), (yyvsp[0].str)); }
#line 2111 "parser.tab.c"
    break;

  case 40: /* field: "中期目标" "string"  */
#line 257 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_MEDIUM_TARGET, (yyloc), (yyvsp[0].str)); }
#line 2117 "parser.tab.c"
    break;

  case 41: /* field: "类别" "string"  */
#line 258 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_CATEGORY, (yyloc), (yyvsp[0].str)); }
#line 2123 "parser.tab.c"
    break;

  case 42: /* field: "实施单位" "string"  */
#line 259 "grammar/parser.y"
                            { (yyval.node) = text_item(PS, JX_NODE_IMPLEMENTER, (yyloc), (yyvsp[0].str)); }
#line 2129 "parser.tab.c"
    break;

  case 43: /* field: "主管部门" code_opt "string"  */
#line 261 "grammar/parser.y"
                            { (yyval.node) = org_item(PS, JX_NODE_SUPERVISOR, (yyloc), (yyvsp[-1].name), (yyvsp[0].str), NULL); }
#line 2135 "parser.tab.c"
    break;

  case 44: /* field: "项目期" when "至" when  */
#line 263 "grammar/parser.y"
                            { jx_period *p = NEW(jx_period, JX_NODE_PERIOD, (yyloc));
                              p->from = *(yyvsp[-2].name); p->to = *(yyvsp[0].name); (yyval.node) = &p->base; }
#line 2142 "parser.tab.c"
    break;

  case 45: /* field: "支出计划" plan_entries  */
#line 265 "grammar/parser.y"
                            { jx_plan *p = NEW(jx_plan, JX_NODE_PLAN, (yyloc));
                              p->entries = *(yyvsp[0].list); (yyval.node) = &p->base; }
#line 2149 "parser.tab.c"
    break;

  case 46: /* field: group "}"  */
#line 267 "grammar/parser.y"
                            { (yyvsp[-1].group)->base.loc = (yyloc); (yyval.node) = &(yyvsp[-1].group)->base; }
#line 2155 "parser.tab.c"
    break;

  case 47: /* field: error  */
#line 268 "grammar/parser.y"
                            { (yyval.node) = NULL; }
#line 2161 "parser.tab.c"
    break;

  case 48: /* when: "number"  */
#line 272 "grammar/parser.y"
                            { (yyval.name) = make_name(PS, (yyvsp[0].text), (yylsp[0])); }
#line 2167 "parser.tab.c"
    break;

  case 49: /* when: "date"  */
#line 273 "grammar/parser.y"
                            { (yyval.name) = make_name(PS, (yyvsp[0].text), (yylsp[0])); }
#line 2173 "parser.tab.c"
    break;

  case 50: /* amount: "number" unit_opt  */
#line 277 "grammar/parser.y"
                            { (yyval.amount) = make_amount(PS, (yyvsp[-1].text), (yylsp[-1]), (yyvsp[0].name)); }
#line 2179 "parser.tab.c"
    break;

  case 51: /* unit_opt: %empty  */
#line 281 "grammar/parser.y"
                            { (yyval.name) = NULL; }
#line 2185 "parser.tab.c"
    break;

  case 52: /* unit_opt: "name"  */
#line 282 "grammar/parser.y"
                            { (yyval.name) = make_name(PS, (yyvsp[0].text), (yylsp[0])); }
#line 2191 "parser.tab.c"
    break;

  case 53: /* sources_opt: %empty  */
#line 286 "grammar/parser.y"
                            { (yyval.list) = NULL; }
#line 2197 "parser.tab.c"
    break;

  case 54: /* sources_opt: "(" sources ")"  */
#line 287 "grammar/parser.y"
                            { (yyval.list) = (yyvsp[-1].list); }
#line 2203 "parser.tab.c"
    break;

  case 55: /* sources: source  */
#line 291 "grammar/parser.y"
                            { (yyval.list) = list1(PS, (yyvsp[0].source)); }
#line 2209 "parser.tab.c"
    break;

  case 56: /* sources: sources "," source  */
#line 292 "grammar/parser.y"
                            { (yyval.list) = list_add(PS, (yyvsp[-2].list), (yyvsp[0].source)); }
#line 2215 "parser.tab.c"
    break;

  case 57: /* source: "财政资金" amount sources_opt  */
#line 297 "grammar/parser.y"
                            { (yyval.source) = jx_arena_alloc(ARENA, sizeof *(yyval.source));
                              (yyval.source)->kind = JX_SOURCE_FISCAL;
                              (yyval.source)->name = *make_name(PS, "财政资金", (yylsp[-2]));
                              (yyval.source)->amount = *(yyvsp[-1].amount); if ((yyvsp[0].list)) (yyval.source)->parts = *(yyvsp[0].list); }
#line 2224 "parser.tab.c"
    break;

  case 58: /* source: "其他资金" amount sources_opt  */
#line 302 "grammar/parser.y"
                            { (yyval.source) = jx_arena_alloc(ARENA, sizeof *(yyval.source));
                              (yyval.source)->kind = JX_SOURCE_OTHER;
                              (yyval.source)->name = *make_name(PS, "其他资金", (yylsp[-2]));
                              (yyval.source)->amount = *(yyvsp[-1].amount); if ((yyvsp[0].list)) (yyval.source)->parts = *(yyvsp[0].list); }
#line 2233 "parser.tab.c"
    break;

  case 59: /* source: level amount sources_opt  */
#line 307 "grammar/parser.y"
                            { (yyval.source) = jx_arena_alloc(ARENA, sizeof *(yyval.source));
                              (yyval.source)->kind = JX_SOURCE_NAMED; (yyval.source)->name = *(yyvsp[-2].name);
                              (yyval.source)->amount = *(yyvsp[-1].amount); if ((yyvsp[0].list)) (yyval.source)->parts = *(yyvsp[0].list); }
#line 2241 "parser.tab.c"
    break;

  case 60: /* plan_entries: plan_entry  */
#line 313 "grammar/parser.y"
                            { (yyval.list) = list1(PS, (yyvsp[0].entry)); }
#line 2247 "parser.tab.c"
    break;

  case 61: /* plan_entries: plan_entries "," plan_entry  */
#line 315 "grammar/parser.y"
                            { (yyval.list) = list_add(PS, (yyvsp[-2].list), (yyvsp[0].entry)); }
#line 2253 "parser.tab.c"
    break;

  case 62: /* plan_entry: "number" "name" "number" "%"  */
#line 319 "grammar/parser.y"
                            { (yyval.entry) = plan_entry(PS, (yyvsp[-3].text), (yylsp[-3]), (yyvsp[-2].text), (yylsp[-2]), (yyvsp[-1].text), (yylsp[-1]), (yyloc)); }
#line 2259 "parser.tab.c"
    break;

  case 63: /* medium_opt: %empty  */
#line 323 "grammar/parser.y"
                            { (yyval.ival) = 0; }
#line 2265 "parser.tab.c"
    break;

  case 64: /* medium_opt: "中期"  */
#line 324 "grammar/parser.y"
                            { (yyval.ival) = 1; }
#line 2271 "parser.tab.c"
    break;

  case 65: /* group_head: medium_opt level "{"  */
#line 328 "grammar/parser.y"
                            { (yyval.group) = NEW(jx_group, JX_NODE_GROUP, (yyloc));
                              (yyval.group)->level1 = *(yyvsp[-1].name); (yyval.group)->medium_term = (yyvsp[-2].ival); }
#line 2278 "parser.tab.c"
    break;

  case 67: /* group: group row  */
#line 334 "grammar/parser.y"
                            { (yyval.group) = (yyvsp[-1].group); if ((yyvsp[0].row)) jx_list_push(ARENA, &(yyval.group)->rows, (yyvsp[0].row)); }
#line 2284 "parser.tab.c"
    break;

  case 68: /* level: "name"  */
#line 338 "grammar/parser.y"
                            { (yyval.name) = make_name(PS, (yyvsp[0].text), (yylsp[0])); }
#line 2290 "parser.tab.c"
    break;

  case 69: /* level: "string"  */
#line 339 "grammar/parser.y"
                            { (yyval.name) = make_name(PS, (yyvsp[0].str)->text, (yylsp[0])); }
#line 2296 "parser.tab.c"
    break;

  case 70: /* row: level "不涉及"  */
#line 343 "grammar/parser.y"
                            { jx_value *v = jx_arena_alloc(ARENA, sizeof *v);
                              v->kind = JX_VALUE_NA; v->loc = (yylsp[0]);
                              (yyval.row) = make_row(PS, (yyloc), (yyvsp[-1].name), NULL, v, NULL); }
#line 2304 "parser.tab.c"
    break;

  case 71: /* row: level "string" value attrs  */
#line 347 "grammar/parser.y"
                            { (yyval.row) = make_row(PS, (yyloc), (yyvsp[-3].name), (yyvsp[-2].str), (yyvsp[-1].value), (yyvsp[0].list)); }
#line 2310 "parser.tab.c"
    break;

  case 72: /* row: error  */
#line 348 "grammar/parser.y"
                            { (yyval.row) = NULL; }
#line 2316 "parser.tab.c"
    break;

  case 73: /* attrs: %empty  */
#line 352 "grammar/parser.y"
                            { (yyval.list) = NULL; }
#line 2322 "parser.tab.c"
    break;

  case 74: /* attrs: attrs attr  */
#line 353 "grammar/parser.y"
                            { (yyval.list) = (yyvsp[-1].list) ? list_add(PS, (yyvsp[-1].list), (yyvsp[0].attr)) : list1(PS, (yyvsp[0].attr)); }
#line 2328 "parser.tab.c"
    break;

  case 75: /* attr: "描述" "string"  */
#line 357 "grammar/parser.y"
                            { (yyval.attr) = jx_arena_alloc(ARENA, sizeof *(yyval.attr));
                              (yyval.attr)->kind = KW_DESCRIPTION; (yyval.attr)->loc = (yylsp[-1]); (yyval.attr)->text = (yyvsp[0].str); }
#line 2335 "parser.tab.c"
    break;

  case 76: /* attr: "依据" "string"  */
#line 359 "grammar/parser.y"
                            { (yyval.attr) = jx_arena_alloc(ARENA, sizeof *(yyval.attr));
                              (yyval.attr)->kind = KW_BASIS; (yyval.attr)->loc = (yylsp[-1]); (yyval.attr)->text = (yyvsp[0].str); }
#line 2342 "parser.tab.c"
    break;

  case 77: /* attr: "标准" "string"  */
#line 361 "grammar/parser.y"
                            { (yyval.attr) = jx_arena_alloc(ARENA, sizeof *(yyval.attr));
                              (yyval.attr)->kind = KW_STANDARD; (yyval.attr)->loc = (yylsp[-1]); (yyval.attr)->text = (yyvsp[0].str); }
#line 2349 "parser.tab.c"
    break;

  case 78: /* value: sign_opt "number" unit  */
#line 366 "grammar/parser.y"
                            { (yyval.value) = jx_arena_alloc(ARENA, sizeof *(yyval.value));
                              (yyval.value)->kind = JX_VALUE_QUANTITY; (yyval.value)->loc = (yyloc);
                              parse_quantity(PS, &(yyval.value)->quantity, (yyvsp[-2].ival), (yylsp[-2]), (yyvsp[-1].text), (yylsp[-1]), (yyvsp[0].name)); }
#line 2357 "parser.tab.c"
    break;

  case 79: /* value: "截止" date  */
#line 369 "grammar/parser.y"
                            { (yyval.value) = jx_arena_alloc(ARENA, sizeof *(yyval.value));
                              (yyval.value)->kind = JX_VALUE_DEADLINE; (yyval.value)->loc = (yyloc);
                              (yyval.value)->date = *(yyvsp[0].date); }
#line 2365 "parser.tab.c"
    break;

  case 80: /* value: "每月" date_parts  */
#line 372 "grammar/parser.y"
                            { (yyval.value) = jx_arena_alloc(ARENA, sizeof *(yyval.value));
                              (yyval.value)->kind = JX_VALUE_MONTHLY; (yyval.value)->loc = (yyloc);
                              (yyval.value)->date = *(yyvsp[0].date);
                              if ((yyvsp[0].date)->year || (yyvsp[0].date)->month || !(yyvsp[0].date)->day)
                                jx_diag_hint(PS->ctx, jx_report(PS->ctx, JX_SEV_ERROR, "J014", (yylsp[0]),
                                  "A monthly deadline (每月) names a day of the month only."),
                                  "Write it as 每月 20日 or 每月 20日前."); }
#line 2377 "parser.tab.c"
    break;

  case 81: /* value: "较上年…"  */
#line 379 "grammar/parser.y"
                            { (yyval.value) = jx_arena_alloc(ARENA, sizeof *(yyval.value));
                              (yyval.value)->kind = JX_VALUE_RELATIVE; (yyval.value)->loc = (yyloc);
                              (yyval.value)->relative = (jx_relative)(yyvsp[0].ival); }
#line 2385 "parser.tab.c"
    break;

  case 82: /* value: "较上年…" sign_opt "number" unit  */
#line 383 "grammar/parser.y"
                            { (yyval.value) = jx_arena_alloc(ARENA, sizeof *(yyval.value));
                              (yyval.value)->kind = JX_VALUE_RELATIVE; (yyval.value)->loc = (yyloc);
                              (yyval.value)->relative = (jx_relative)(yyvsp[-3].ival); (yyval.value)->has_quantity = true;
                              parse_quantity(PS, &(yyval.value)->quantity, (yyvsp[-2].ival), (yylsp[-2]), (yyvsp[-1].text), (yylsp[-1]), (yyvsp[0].name)); }
#line 2394 "parser.tab.c"
    break;

  case 83: /* value: "string"  */
#line 387 "grammar/parser.y"
                            { (yyval.value) = jx_arena_alloc(ARENA, sizeof *(yyval.value));
                              (yyval.value)->kind = JX_VALUE_TEXT; (yyval.value)->loc = (yyloc); (yyval.value)->text = *(yyvsp[0].str); }
#line 2401 "parser.tab.c"
    break;

  case 84: /* value: "不涉及"  */
#line 389 "grammar/parser.y"
                            { (yyval.value) = jx_arena_alloc(ARENA, sizeof *(yyval.value));
                              (yyval.value)->kind = JX_VALUE_NA; (yyval.value)->loc = (yyloc); }
#line 2408 "parser.tab.c"
    break;

  case 85: /* sign_opt: %empty  */
#line 394 "grammar/parser.y"
                            { (yyval.ival) = JX_SIGN_NONE; }
#line 2414 "parser.tab.c"
    break;

  case 86: /* sign_opt: "≥"  */
#line 395 "grammar/parser.y"
                            { (yyval.ival) = JX_SIGN_GE; }
#line 2420 "parser.tab.c"
    break;

  case 87: /* sign_opt: "≤"  */
#line 396 "grammar/parser.y"
                            { (yyval.ival) = JX_SIGN_LE; }
#line 2426 "parser.tab.c"
    break;

  case 88: /* sign_opt: "＞"  */
#line 397 "grammar/parser.y"
                            { (yyval.ival) = JX_SIGN_GT; }
#line 2432 "parser.tab.c"
    break;

  case 89: /* sign_opt: "＜"  */
#line 398 "grammar/parser.y"
                            { (yyval.ival) = JX_SIGN_LT; }
#line 2438 "parser.tab.c"
    break;

  case 90: /* sign_opt: "＝"  */
#line 399 "grammar/parser.y"
                            { (yyval.ival) = JX_SIGN_EQ; }
#line 2444 "parser.tab.c"
    break;

  case 91: /* unit: "%"  */
#line 403 "grammar/parser.y"
                            { (yyval.name) = make_name(PS, "%", (yylsp[0])); }
#line 2450 "parser.tab.c"
    break;

  case 93: /* unit_path: "name"  */
#line 408 "grammar/parser.y"
                            { (yyval.name) = make_name(PS, (yyvsp[0].text), (yylsp[0])); }
#line 2456 "parser.tab.c"
    break;

  case 94: /* unit_path: unit_path "/" "name"  */
#line 409 "grammar/parser.y"
                            { (yyval.name) = make_name(PS, jx_arena_printf(ARENA, "%s/%s", (yyvsp[-2].name)->text, (yyvsp[0].text)), (yyloc)); }
#line 2462 "parser.tab.c"
    break;

  case 95: /* date: "date"  */
#line 413 "grammar/parser.y"
                            { (yyval.date) = date_iso(PS, (yyvsp[0].text), (yylsp[0])); }
#line 2468 "parser.tab.c"
    break;

  case 97: /* date_parts: "number" "name"  */
#line 418 "grammar/parser.y"
                            { (yyval.date) = date_part(PS, NULL, (yyvsp[-1].text), (yylsp[-1]), (yyvsp[0].text), (yylsp[0])); (yyval.date)->loc = (yyloc); }
#line 2474 "parser.tab.c"
    break;

  case 98: /* date_parts: date_parts "number" "name"  */
#line 419 "grammar/parser.y"
                            { (yyval.date) = date_part(PS, (yyvsp[-2].date), (yyvsp[-1].text), (yylsp[-1]), (yyvsp[0].text), (yylsp[0])); (yyval.date)->loc = (yyloc); }
#line 2480 "parser.tab.c"
    break;


#line 2484 "parser.tab.c"

        default: break;
      }
    if (yychar_backup != yychar)
      YY_LAC_DISCARD ("yychar change");
  }
  /* User semantic actions sometimes alter yychar, and that requires
     that yytoken be updated with the new translation.  We take the
     approach of translating immediately before every use of yytoken.
     One alternative is translating here after every semantic action,
     but that translation would be missed if the semantic action invokes
     YYABORT, YYACCEPT, or YYERROR immediately after altering yychar or
     if it invokes YYBACKUP.  In the case of YYABORT or YYACCEPT, an
     incorrect destructor might then be invoked immediately.  In the
     case of YYERROR or YYBACKUP, subsequent parser actions might lead
     to an incorrect destructor call or verbose syntax error message
     before the lookahead is translated.  */
  YY_SYMBOL_PRINT ("-> $$ =", YY_CAST (yysymbol_kind_t, yyr1[yyn]), &yyval, &yyloc);

  YYPOPSTACK (yylen);
  yylen = 0;

  *++yyvsp = yyval;
  *++yylsp = yyloc;

  /* Now 'shift' the result of the reduction.  Determine what state
     that goes to, based on the state we popped back to and the rule
     number reduced by.  */
  {
    const int yylhs = yyr1[yyn] - YYNTOKENS;
    const int yyi = yypgoto[yylhs] + *yyssp;
    yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyssp
               ? yytable[yyi]
               : yydefgoto[yylhs]);
  }

  goto yynewstate;


/*--------------------------------------.
| yyerrlab -- here on detecting error.  |
`--------------------------------------*/
yyerrlab:
  /* Make sure we have latest lookahead translation.  See comments at
     user semantic actions for why this is necessary.  */
  yytoken = yychar == JX_YYEMPTY ? YYSYMBOL_YYEMPTY : YYTRANSLATE (yychar);
  /* If not already recovering from an error, report this error.  */
  if (!yyerrstatus)
    {
      ++yynerrs;
      {
        yypcontext_t yyctx
          = {yyssp, yyesa, &yyes, &yyes_capacity, yytoken, &yylloc};
        char const *yymsgp = YY_("syntax error");
        int yysyntax_error_status;
        if (yychar != JX_YYEMPTY)
          YY_LAC_ESTABLISH;
        yysyntax_error_status = yysyntax_error (&yymsg_alloc, &yymsg, &yyctx);
        if (yysyntax_error_status == 0)
          yymsgp = yymsg;
        else if (yysyntax_error_status == -1)
          {
            if (yymsg != yymsgbuf)
              YYSTACK_FREE (yymsg);
            yymsg = YY_CAST (char *,
                             YYSTACK_ALLOC (YY_CAST (YYSIZE_T, yymsg_alloc)));
            if (yymsg)
              {
                yysyntax_error_status
                  = yysyntax_error (&yymsg_alloc, &yymsg, &yyctx);
                yymsgp = yymsg;
              }
            else
              {
                yymsg = yymsgbuf;
                yymsg_alloc = sizeof yymsgbuf;
                yysyntax_error_status = YYENOMEM;
              }
          }
        yyerror (&yylloc, scanner, yymsgp);
        if (yysyntax_error_status == YYENOMEM)
          YYNOMEM;
      }
    }

  yyerror_range[1] = yylloc;
  if (yyerrstatus == 3)
    {
      /* If just tried and failed to reuse lookahead token after an
         error, discard it.  */

      if (yychar <= JX_YYEOF)
        {
          /* Return failure if at end of input.  */
          if (yychar == JX_YYEOF)
            YYABORT;
        }
      else
        {
          yydestruct ("Error: discarding",
                      yytoken, &yylval, &yylloc, scanner);
          yychar = JX_YYEMPTY;
        }
    }

  /* Else will try to reuse lookahead token after shifting the error
     token.  */
  goto yyerrlab1;


/*---------------------------------------------------.
| yyerrorlab -- error raised explicitly by YYERROR.  |
`---------------------------------------------------*/
yyerrorlab:
  /* Pacify compilers when the user code never invokes YYERROR and the
     label yyerrorlab therefore never appears in user code.  */
  if (0)
    YYERROR;
  ++yynerrs;

  /* Do not reclaim the symbols of the rule whose action triggered
     this YYERROR.  */
  YYPOPSTACK (yylen);
  yylen = 0;
  YY_STACK_PRINT (yyss, yyssp);
  yystate = *yyssp;
  goto yyerrlab1;


/*-------------------------------------------------------------.
| yyerrlab1 -- common code for both syntax error and YYERROR.  |
`-------------------------------------------------------------*/
yyerrlab1:
  yyerrstatus = 3;      /* Each real token shifted decrements this.  */

  /* Pop stack until we find a state that shifts the error token.  */
  for (;;)
    {
      yyn = yypact[yystate];
      if (!yypact_value_is_default (yyn))
        {
          yyn += YYSYMBOL_YYerror;
          if (0 <= yyn && yyn <= YYLAST && yycheck[yyn] == YYSYMBOL_YYerror)
            {
              yyn = yytable[yyn];
              if (0 < yyn)
                break;
            }
        }

      /* Pop the current state because it cannot handle the error token.  */
      if (yyssp == yyss)
        YYABORT;

      yyerror_range[1] = *yylsp;
      yydestruct ("Error: popping",
                  YY_ACCESSING_SYMBOL (yystate), yyvsp, yylsp, scanner);
      YYPOPSTACK (1);
      yystate = *yyssp;
      YY_STACK_PRINT (yyss, yyssp);
    }

  /* If the stack popping above didn't lose the initial context for the
     current lookahead token, the shift below will for sure.  */
  YY_LAC_DISCARD ("error recovery");

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END

  yyerror_range[2] = yylloc;
  ++yylsp;
  YYLLOC_DEFAULT (*yylsp, yyerror_range, 2);

  /* Shift the error token.  */
  YY_SYMBOL_PRINT ("Shifting", YY_ACCESSING_SYMBOL (yyn), yyvsp, yylsp);

  yystate = yyn;
  goto yynewstate;


/*-------------------------------------.
| yyacceptlab -- YYACCEPT comes here.  |
`-------------------------------------*/
yyacceptlab:
  yyresult = 0;
  goto yyreturnlab;


/*-----------------------------------.
| yyabortlab -- YYABORT comes here.  |
`-----------------------------------*/
yyabortlab:
  yyresult = 1;
  goto yyreturnlab;


/*-----------------------------------------------------------.
| yyexhaustedlab -- YYNOMEM (memory exhaustion) comes here.  |
`-----------------------------------------------------------*/
yyexhaustedlab:
  yyerror (&yylloc, scanner, YY_("memory exhausted"));
  yyresult = 2;
  goto yyreturnlab;


/*----------------------------------------------------------.
| yyreturnlab -- parsing is finished, clean up and return.  |
`----------------------------------------------------------*/
yyreturnlab:
  if (yychar != JX_YYEMPTY)
    {
      /* Make sure we have latest lookahead translation.  See comments at
         user semantic actions for why this is necessary.  */
      yytoken = YYTRANSLATE (yychar);
      yydestruct ("Cleanup: discarding lookahead",
                  yytoken, &yylval, &yylloc, scanner);
    }
  /* Do not reclaim the symbols of the rule whose action triggered
     this YYABORT or YYACCEPT.  */
  YYPOPSTACK (yylen);
  YY_STACK_PRINT (yyss, yyssp);
  while (yyssp != yyss)
    {
      yydestruct ("Cleanup: popping",
                  YY_ACCESSING_SYMBOL (+*yyssp), yyvsp, yylsp, scanner);
      YYPOPSTACK (1);
    }
#ifndef yyoverflow
  if (yyss != yyssa)
    YYSTACK_FREE (yyss);
#endif
  if (yyes != yyesa)
    YYSTACK_FREE (yyes);
  if (yymsg != yymsgbuf)
    YYSTACK_FREE (yymsg);
  return yyresult;
}

#line 422 "grammar/parser.y"


static void add_item(jx_parse_state *ps, jx_node *n) {
  if (n->kind == JX_NODE_PROJECT) {
    jx_project *p = (jx_project *)n;
    if (p->agency) {
      jx_list_push(ps->ctx->arena, &p->agency->projects, p);
    } else {
      jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J012", p->code.loc,
                             "Project %s \"%s\" comes before any budget unit (单位) "
                             "in this file.", p->code.text, p->name.text);
      jx_diag_hint(ps->ctx, d,
                   "Add a line such as 单位 324001 \"单位名称\" above it: every "
                   "project belongs to the budget unit declared before it in the "
                   "same file.");
    }
  }
  jx_list_push(ps->ctx->arena, &ps->result->items, n);
}

static jx_list *list1(jx_parse_state *ps, void *item) {
  jx_list *l = jx_arena_alloc(ps->ctx->arena, sizeof *l);
  if (item) jx_list_push(ps->ctx->arena, l, item);
  return l;
}

static jx_list *list_add(jx_parse_state *ps, jx_list *l, void *item) {
  if (item) jx_list_push(ps->ctx->arena, l, item);
  return l;
}

static jx_name *make_name(jx_parse_state *ps, const char *text, jx_loc loc) {
  jx_name *n = jx_arena_alloc(ps->ctx->arena, sizeof *n);
  n->text = text;
  n->loc = loc;
  return n;
}

static bool parse_number(jx_parse_state *ps, const char *text, jx_loc loc,
                         jx_decimal *out) {
  if (jx_decimal_parse(text, strlen(text), out)) return true;
  jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J005", loc,
                         "The number %s is too large or has too many decimals.", text);
  jx_diag_hint(ps->ctx, d,
               "Amounts may have at most 18 significant digits and 18 decimals; "
               "write large amounts in a larger unit such as 万元.");
  *out = jx_decimal_from_int(0);
  return false;
}

static jx_amount *make_amount(jx_parse_state *ps, const char *num, jx_loc numloc,
                              jx_name *unit) {
  jx_amount *a = jx_arena_alloc(ps->ctx->arena, sizeof *a);
  parse_number(ps, num, numloc, &a->value);
  a->text = num;
  a->unit = unit;
  a->loc = numloc;
  if (unit) a->loc.last_line = unit->loc.last_line, a->loc.last_column = unit->loc.last_column;
  return a;
}

static jx_node *text_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                          jx_string *s) {
  jx_text_item *t = (jx_text_item *)jx_node_new(ps->ctx->arena, kind, sizeof *t, loc);
  t->text = *s;
  t->resolved_file = -1;
  return &t->base;
}

static jx_node *org_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                         jx_name *code, jx_string *name, jx_amount *total) {
  jx_org *o = (jx_org *)jx_node_new(ps->ctx->arena, kind, sizeof *o, loc);
  o->code = code;
  o->name = *name;
  o->total = total;
  return &o->base;
}

static jx_node *budget_item(jx_parse_state *ps, jx_node_kind kind, jx_loc loc,
                            jx_amount *amount, jx_list *sources) {
  jx_budget *b = (jx_budget *)jx_node_new(ps->ctx->arena, kind, sizeof *b, loc);
  b->amount = *amount;
  if (sources) b->sources = *sources;
  return &b->base;
}

static bool parse_int(const char *text, int lo, int hi, int *out) {
  char *end;
  long v = strtol(text, &end, 10);
  if (*end || v < lo || v > hi) return false;
  *out = (int)v;
  return true;
}

static jx_plan_entry *plan_entry(jx_parse_state *ps, const char *month,
                                 jx_loc mloc, const char *word, jx_loc wloc,
                                 const char *pct, jx_loc ploc, jx_loc loc) {
  jx_plan_entry *e = jx_arena_alloc(ps->ctx->arena, sizeof *e);
  e->loc = loc;
  e->percent_text = pct;
  parse_number(ps, pct, ploc, &e->percent);
  if (strcmp(word, "月底") == 0)
    e->month_end = true;
  else if (strcmp(word, "月") != 0) {
    jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J013", wloc,
                           "A spending-plan entry names a month, such as 3月 or "
                           "3月底, not \"%s%s\".", month, word);
    jx_diag_hint(ps->ctx, d, "Write each entry as a month and a cumulative "
                             "percentage: 支出计划 3月 25%%, 6月 50%%.");
  }
  if (!parse_int(month, 1, 12, &e->month)) {
    jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J013", mloc,
                           "\"%s\" is not a month; months are 1 to 12.", month);
    jx_diag_hint(ps->ctx, d, "Write the month as a whole number from 1 to 12.");
  }
  return e;
}

static bool parse_quantity(jx_parse_state *ps, jx_quantity *q, int sign,
                           jx_loc sign_loc, const char *num, jx_loc numloc,
                           jx_name *unit) {
  q->sign = (jx_sign)sign;
  q->sign_loc = sign_loc;
  q->number_text = num;
  q->unit = *unit;
  return parse_number(ps, num, numloc, &q->number);
}

static int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    return 29;
  return days[month - 1];
}

static void bad_date(jx_parse_state *ps, jx_loc loc, const char *what) {
  jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J014", loc, "%s", what);
  jx_diag_hint(ps->ctx, d, "Write a date as 2025-12-31 or 2025年12月31日; a month "
                           "end as 12月底 or 2025-12.");
}

static jx_date *date_iso(jx_parse_state *ps, const char *text, jx_loc loc) {
  jx_date *d = jx_arena_alloc(ps->ctx->arena, sizeof *d);
  d->style = JX_DATE_ISO;
  d->wording = "";
  d->loc = loc;
  int n = sscanf(text, "%d-%d-%d", &d->year, &d->month, &d->day);
  if (n < 3) d->day = 0;
  if (d->month < 1 || d->month > 12)
    bad_date(ps, loc, jx_arena_printf(ps->ctx->arena,
                                      "%s is not a date: the month must be 1 to 12.", text));
  else if (d->day < 0 || d->day > days_in_month(d->year, d->month))
    bad_date(ps, loc, jx_arena_printf(ps->ctx->arena,
                                      "%s is not a date: that month has no day %d.",
                                      text, d->day));
  return d;
}

/* Adds "NUMBER WORD" to a Chinese date: the word starts with 年, 月, 月底 or 日,
 * and whatever follows it on the last part is the deadline's wording. */
static jx_date *date_part(jx_parse_state *ps, jx_date *d, const char *num,
                          jx_loc nloc, const char *word, jx_loc wloc) {
  if (!d) {
    d = jx_arena_alloc(ps->ctx->arena, sizeof *d);
    d->style = JX_DATE_CHINESE;
    d->wording = "";
  }
  if (*d->wording) {
    bad_date(ps, wloc, jx_arena_printf(ps->ctx->arena,
             "The date continues after \"%s\", which should end it.", d->wording));
    return d;
  }
  static const struct { const char *word; int part; } parts[] = {
      {"月底", 3}, {"年", 0}, {"月", 1}, {"日", 2}, {"号", 2}};
  int part = -1;
  size_t wl = 0;
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    wl = strlen(parts[i].word);
    if (strncmp(word, parts[i].word, wl) == 0) {
      part = parts[i].part;
      break;
    }
  }
  int value = 0;
  bool ok = part >= 0 && parse_int(num, 0, 9999, &value);
  int have = d->day ? 3 : d->month ? 2 : d->year ? 1 : 0;
  int order = part == 3 ? 2 : part + 1;
  if (!ok || order <= have) {
    bad_date(ps, wloc, jx_arena_printf(ps->ctx->arena,
             "\"%s%s\" is not part of a date here.", num, word));
    return d;
  }
  switch (part) {
    case 0: d->year = value; break;
    case 1: d->month = value; break;
    case 2: d->day = value; break;
    case 3: d->month = value; d->month_end = true; break;
  }
  if ((part == 1 || part == 3) && (value < 1 || value > 12))
    bad_date(ps, nloc, jx_arena_printf(ps->ctx->arena,
             "%d is not a month; months are 1 to 12.", value));
  if (part == 2 && (value < 1 || (d->month && value > days_in_month(d->year, d->month))))
    bad_date(ps, nloc, d->month
             ? jx_arena_printf(ps->ctx->arena, "Month %d has no day %d.", d->month, value)
             : jx_arena_printf(ps->ctx->arena, "%d is not a day of the month.", value));
  d->wording = word + wl;
  return d;
}

static jx_row *make_row(jx_parse_state *ps, jx_loc loc, jx_name *level,
                        jx_string *name, jx_value *value, jx_list *attrs) {
  jx_row *r = (jx_row *)jx_node_new(ps->ctx->arena, JX_NODE_ROW, sizeof *r, loc);
  r->level2 = *level;
  r->value = *value;
  if (name) {
    r->name = *name;
  } else {
    r->not_applicable_row = true;
    r->name.text = "不涉及";
    r->name.loc = value->loc;
  }
  for (size_t i = 0; attrs && i < attrs->len; i++) {
    jx_attr *a = attrs->items[i];
    jx_string **slot = a->kind == KW_DESCRIPTION ? &r->description
                       : a->kind == KW_BASIS     ? &r->basis
                                                 : &r->standard;
    if (*slot) {
      const char *kw = a->kind == KW_DESCRIPTION ? "描述" : a->kind == KW_BASIS ? "依据" : "标准";
      jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J011", a->loc,
                             "The indicator \"%s\" has %s twice.", r->name.text, kw);
      jx_diag_note_add(ps->ctx, d, (*slot)->loc, "the first %s is here", kw);
      jx_diag_hint(ps->ctx, d, "Keep one %s and delete the other.", kw);
      continue;
    }
    *slot = a->text;
  }
  return r;
}

static const char *field_keyword(jx_node_kind kind) {
  switch (kind) {
    case JX_NODE_BUDGET: return "预算";
    case JX_NODE_MEDIUM_BUDGET: return "中期预算";
    case JX_NODE_PURPOSE: return "用途";
    case JX_NODE_TARGET: return "目标";
    case JX_NODE_MEDIUM_TARGET: return "中期目标";
    case JX_NODE_CATEGORY: return "类别";
    case JX_NODE_IMPLEMENTER: return "实施单位";
    case JX_NODE_SUPERVISOR: return "主管部门";
    case JX_NODE_PERIOD: return "项目期";
    case JX_NODE_PLAN: return "支出计划";
    default: return NULL;
  }
}

static void add_field(jx_parse_state *ps, jx_project *p, jx_node *f) {
  const char *kw = field_keyword(f->kind);
  jx_node *prev = kw ? jx_project_field(p, f->kind) : NULL;
  if (prev) {
    jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J011", f->loc,
                           "Project %s has %s twice.", p->code.text, kw);
    jx_diag_note_add(ps->ctx, d, prev->loc, "the first %s is here", kw);
    jx_diag_hint(ps->ctx, d, "Keep one %s line and delete the other.", kw);
    return;
  }
  jx_list_push(ps->ctx->arena, &p->fields, f);
}

const char *jx_token_name(int token) {
  return yysymbol_name(YYTRANSLATE(token));
}

/* Rewrites bison's "syntax error, unexpected X, expecting Y or Z" as a
 * sentence, shows the offending text, and suggests a keyword for a misspelt
 * one. */
void jx_yyerror(JX_YYLTYPE *loc, yyscan_t scanner, const char *msg) {
  jx_parse_state *ps = jx_yyget_extra(scanner);
  const char *p = msg;
  if (strncmp(p, "syntax error, ", 14) == 0) p += 14;
  char *text = jx_arena_strdup(ps->ctx->arena, p);
  if (text[0] >= 'a' && text[0] <= 'z') text[0] = (char)(text[0] - 'a' + 'A');
  const char *shown = "";
  if (ps->last_text && (ps->last_token == WORD || ps->last_token == NUMBER ||
                        ps->last_token == CODE || ps->last_token == DATE))
    shown = jx_arena_printf(ps->ctx->arena, " \"%s\"", ps->last_text);
  /* Insert the offending text after "Unexpected <token>". */
  char *comma = strstr(text, ", expecting");
  const char *full;
  if (comma) {
    *comma = '\0';
    full = jx_arena_printf(ps->ctx->arena, "%s%s here; expected %s.", text, shown,
                           comma + 12);
  } else {
    full = jx_arena_printf(ps->ctx->arena, "%s%s here.", text, shown);
  }
  jx_diag *d = jx_report(ps->ctx, JX_SEV_ERROR, "J010", *loc, "%s", full);
  if (ps->last_token == WORD && ps->last_text) {
    const char *kw = jx_keyword_suggest(ps->last_text);
    if (kw) jx_diag_hint(ps->ctx, d, "Did you mean the keyword %s?", kw);
  } else if (ps->last_token == KW_PROJECT || ps->last_token == KW_AGENCY) {
    jx_diag_hint(ps->ctx, d, "Is the previous project's { closed with }?");
  } else if (ps->last_token == LBRACE) {
    jx_diag_hint(ps->ctx, d,
                 "A word right after an amount is read as its unit; if this word "
                 "names an indicator group, write the amount's unit (预算 22.50 万元) "
                 "or put another field between them.");
  }
}
