// The kiosk asks a survey and keeps its answers in an answers file, both
// defined in survey/ (shared with report/); here they go by their short names.
#pragma once
#include "survey/kiosk_words.hpp"
#include "survey/response.hpp"
#include "survey/sqlite_statement.hpp"
#include "survey/store.hpp"
#include "survey/survey.hpp"
#include "survey/survey_parser.hpp"

namespace easyread::kiosk {

using survey::Answer;
using survey::document_label;
using survey::expand_document_pages;
using survey::FixedChoice;
using survey::KioskWords;
using survey::kAnythingElseId;
using survey::kiosk_words;
using survey::Option;
using survey::Question;
using survey::QuestionType;
using survey::Respondent;
using survey::respondent_from_value;
using survey::respondent_value;
using survey::Response;
using survey::SaveResult;
using survey::Statement;
using survey::exec_sql;
using survey::Store;
using survey::StoreOptions;
using survey::StoreState;
using survey::StoreStatus;
using survey::store_state_words;
using survey::Survey;
using survey::SurveyParseOptions;
using survey::TodayCounts;
using survey::new_uuid;
using survey::load_survey;
using survey::parse_survey;

}  // namespace easyread::kiosk
