/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison interface for Yacc-like parsers in C

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

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

#ifndef YY_JX_YY_PARSER_TAB_H_INCLUDED
# define YY_JX_YY_PARSER_TAB_H_INCLUDED
/* Debug traces.  */
#ifndef JX_YYDEBUG
# if defined YYDEBUG
#if YYDEBUG
#   define JX_YYDEBUG 1
#  else
#   define JX_YYDEBUG 0
#  endif
# else /* ! defined YYDEBUG */
#  define JX_YYDEBUG 1
# endif /* ! defined YYDEBUG */
#endif  /* ! defined JX_YYDEBUG */
#if JX_YYDEBUG
extern int jx_yydebug;
#endif
/* "%code requires" blocks.  */
#line 19 "grammar/parser.y"

#include "ast.h"
#include "parse_state.h"
#ifndef JX_YYSCAN_T
#define JX_YYSCAN_T
typedef void *yyscan_t;
#endif
#define JX_YYLTYPE jx_loc
#define JX_YYLTYPE_IS_DECLARED 1
#define JX_YYLTYPE_IS_TRIVIAL 1

/* An attribute of an indicator row, collected before the row is built. */
typedef struct jx_attr {
  int kind; /* KW_DESCRIPTION, KW_BASIS or KW_STANDARD */
  jx_loc loc;
  jx_string *text;
} jx_attr;

#line 76 "parser.tab.h"

/* Token kinds.  */
#ifndef JX_YYTOKENTYPE
# define JX_YYTOKENTYPE
  enum jx_yytokentype
  {
    JX_YYEMPTY = -2,
    JX_YYEOF = 0,                  /* "end of file"  */
    JX_YYerror = 256,              /* error  */
    JX_YYUNDEF = 257,              /* "invalid token"  */
    WORD = 258,                    /* "name"  */
    NUMBER = 259,                  /* "number"  */
    CODE = 260,                    /* "code"  */
    DATE = 261,                    /* "date"  */
    STRING = 262,                  /* "string"  */
    RELATIVE = 263,                /* "较上年…"  */
    KW_DEPARTMENT = 264,           /* "部门"  */
    KW_REGION = 265,               /* "区划"  */
    KW_YEAR = 266,                 /* "年度"  */
    KW_MONEY_UNIT = 267,           /* "金额单位"  */
    KW_COMPILED_BY = 268,          /* "编制"  */
    KW_REVIEWED_BY = 269,          /* "审核"  */
    KW_FRAMEWORK = 270,            /* "指标体系"  */
    KW_IMPORT = 271,               /* "导入"  */
    KW_OVERALL_TARGET = 272,       /* "总体目标"  */
    KW_SUB_TARGET = 273,           /* "分项目标"  */
    KW_SAFEGUARD = 274,            /* "保障措施"  */
    KW_AGENCY = 275,               /* "单位"  */
    KW_TOTAL = 276,                /* "合计"  */
    KW_PROJECT = 277,              /* "项目"  */
    KW_CATEGORY = 278,             /* "类别"  */
    KW_PERIOD = 279,               /* "项目期"  */
    KW_TO = 280,                   /* "至"  */
    KW_SUPERVISOR = 281,           /* "主管部门"  */
    KW_IMPLEMENTER = 282,          /* "实施单位"  */
    KW_BUDGET = 283,               /* "预算"  */
    KW_MEDIUM_BUDGET = 284,        /* "中期预算"  */
    KW_FISCAL = 285,               /* "财政资金"  */
    KW_OTHER = 286,                /* "其他资金"  */
    KW_PURPOSE = 287,              /* "用途"  */
    KW_PLAN = 288,                 /* "支出计划"  */
    KW_TARGET = 289,               /* "目标"  */
    KW_MEDIUM_TARGET = 290,        /* "中期目标"  */
    KW_INDICATORS = 291,           /* "指标"  */
    KW_MEDIUM = 292,               /* "中期"  */
    KW_DESCRIPTION = 293,          /* "描述"  */
    KW_BASIS = 294,                /* "依据"  */
    KW_STANDARD = 295,             /* "标准"  */
    KW_BY = 296,                   /* "截止"  */
    KW_MONTHLY = 297,              /* "每月"  */
    KW_NA = 298,                   /* "不涉及"  */
    GE = 299,                      /* "≥"  */
    LE = 300,                      /* "≤"  */
    GT = 301,                      /* "＞"  */
    LT = 302,                      /* "＜"  */
    EQ = 303,                      /* "＝"  */
    PERCENT = 304,                 /* "%"  */
    SLASH = 305,                   /* "/"  */
    COMMA = 306,                   /* ","  */
    LPAREN = 307,                  /* "("  */
    RPAREN = 308,                  /* ")"  */
    LBRACE = 309,                  /* "{"  */
    RBRACE = 310,                  /* "}"  */
    NO_UNIT = 311,                 /* NO_UNIT  */
    MISSING_BRACE = 312            /* MISSING_BRACE  */
  };
  typedef enum jx_yytokentype jx_yytoken_kind_t;
#endif

/* Value type.  */
#if ! defined JX_YYSTYPE && ! defined JX_YYSTYPE_IS_DECLARED
union JX_YYSTYPE
{
#line 97 "grammar/parser.y"

  const char *text;
  jx_string *str;
  int ival;
  jx_node *node;
  jx_list *list;
  jx_name *name;
  jx_amount *amount;
  jx_fund_source *source;
  jx_value *value;
  jx_plan_entry *entry;
  jx_date *date;
  jx_attr *attr;
  jx_project *project;
  jx_sub_target *sub;
  jx_group *group;
  jx_row *row;

#line 169 "parser.tab.h"

};
typedef union JX_YYSTYPE JX_YYSTYPE;
# define JX_YYSTYPE_IS_TRIVIAL 1
# define JX_YYSTYPE_IS_DECLARED 1
#endif

/* Location type.  */
#if ! defined JX_YYLTYPE && ! defined JX_YYLTYPE_IS_DECLARED
typedef struct JX_YYLTYPE JX_YYLTYPE;
struct JX_YYLTYPE
{
  int first_line;
  int first_column;
  int last_line;
  int last_column;
};
# define JX_YYLTYPE_IS_DECLARED 1
# define JX_YYLTYPE_IS_TRIVIAL 1
#endif




int jx_yyparse (yyscan_t scanner);

/* "%code provides" blocks.  */
#line 38 "grammar/parser.y"

int jx_yylex(JX_YYSTYPE *lval, JX_YYLTYPE *lloc, yyscan_t scanner);
void jx_yyerror(JX_YYLTYPE *loc, yyscan_t scanner, const char *msg);
jx_parse_state *jx_yyget_extra(yyscan_t scanner);
const char *jx_token_name(int token);

#line 204 "parser.tab.h"

#endif /* !YY_JX_YY_PARSER_TAB_H_INCLUDED  */
