// The linkage reader: every check of docs/platform.md, each error with its line, item, code and
// both languages; a My Number never echoed.
#include <gtest/gtest.h>

#include "kaigo/platform/linkage.hpp"

namespace kaigo::platform {
namespace {

constexpr const char* kHeader = "update_kind,insurer_no,insured_no,kind,record_id,effective_on\n";

std::vector<LinkageError> errors_of(const std::string& row) {
  const std::string file = std::string(kHeader) + row + "\n";
  LinkageReader reader(file);
  LinkageRow r;
  std::vector<LinkageError> errors;
  EXPECT_TRUE(reader.next(r, errors));
  return errors;
}

TEST(LinkageReader, AGoodRowComesWithItsValuesAndItsStoredForm) {
  const std::string file = std::string("\xEF\xBB\xBF") + kHeader +
                           "1,131013,9000000001,housing,H1,20240910,1,40000,101000,0\r\n"
                           "\r\n"
                           "3,131013,9000000001,life,L1,20250901\r\n";
  LinkageReader reader(file);
  EXPECT_FALSE(reader.file_error());
  LinkageRow row;
  std::vector<LinkageError> errors;
  ASSERT_TRUE(reader.next(row, errors));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(row.line, 2u);
  EXPECT_EQ(row.update, UpdateKind::New);
  EXPECT_EQ(row.person.str(), "131013:9000000001");
  EXPECT_EQ(row.kind->name, "housing");
  EXPECT_EQ(row.effective_on.str(), "20240910");
  EXPECT_EQ(record_data(row), R"({"benefit":"1","cost":"40000","reset":"0","works":"101000"})");
  ASSERT_TRUE(reader.next(row, errors));  // the blank line is skipped; a bare 削除 has no values
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(row.line, 4u);
  EXPECT_EQ(row.update, UpdateKind::Delete);
  EXPECT_TRUE(row.values.empty());
  EXPECT_FALSE(reader.next(row, errors));
  EXPECT_FALSE(reader.file_error());
}

TEST(LinkageReader, EachItemIsCheckedAndNamed) {
  auto e = errors_of("4,13101,900000000a,nothing,bad id!,20260230");
  ASSERT_EQ(e.size(), 6u);
  EXPECT_EQ(e[0].code, "PL16");
  EXPECT_EQ(e[0].item, "update_kind");
  EXPECT_EQ(e[0].column, 1);
  EXPECT_EQ(e[1].code, "PL13");
  EXPECT_EQ(e[1].item, "insurer_no");
  EXPECT_EQ(e[1].message_ja, "値の形式が正しくありません（保険者番号 は半角数字6桁です）");
  EXPECT_EQ(e[1].message_en, "the value is malformed (insurer_no: must be 6 digits)");
  EXPECT_EQ(e[2].item, "insured_no");
  EXPECT_EQ(e[3].code, "PL17");
  EXPECT_EQ(e[4].item, "record_id");
  EXPECT_EQ(e[5].item, "effective_on");
  EXPECT_EQ(e[5].value, "20260230");
  for (const auto& x : e) EXPECT_EQ(x.line, 2u);
}

TEST(LinkageReader, TheColumnsOfTheKindAreCheckedByType) {
  EXPECT_EQ(errors_of("1,131013,9000000001,life,L1,20250901,1370000002,101,")[0].message_en,
            "the value is malformed (adl: must be an integer 0-100)");
  EXPECT_EQ(errors_of("1,131013,9000000001,life,L1,20250901,,65,")[0].code, "PL12");
  EXPECT_EQ(errors_of("1,131013,9000000001,life,L1,20250901,137000000a,65,")[0].item, "office_no");
  EXPECT_EQ(errors_of("1,131013,9000000001,housing,H1,20240910,1,123456789,101000,0")[0].item, "cost");
  EXPECT_EQ(errors_of("1,131013,9000000001,housing,H1,20240910,1,40000,10100,0")[0].item, "works");
  EXPECT_EQ(errors_of("1,131013,9000000001,burden,B1,20250801,1,20260731,25")[0].item, "fiscal_year");
  auto col = errors_of("1,131013,9000000001,life,L1,20250901,1370000002,65");
  ASSERT_EQ(col.size(), 1u);
  EXPECT_EQ(col[0].code, "PL10");
  EXPECT_EQ(col[0].message_en, "the row has the wrong number of columns (8 columns; life has 9)");
  EXPECT_EQ(errors_of("1,131013,9000000001,life,L1,20250901,\"1370000002,65,")[0].code, "PL11");
  auto text = errors_of("1,131013,9000000001,survey,S1,20250801,20250701,調査\x01一郎,1,");
  EXPECT_EQ(text[0].item, "surveyor");
  EXPECT_EQ(text[0].value, "調査\\x01一郎");
}

TEST(LinkageReader, TheCarePlanTablesFollowThePlanKind) {
  auto facility = errors_of("1,131013,9000000001,careplan,K1,20250501,2,6,1370000101,202505,…");
  ASSERT_EQ(facility.size(), 1u);
  EXPECT_EQ(facility[0].item, "table");
  EXPECT_EQ(facility[0].code, "PL14");
  auto month = errors_of("1,131013,9000000001,careplan,K1,20250501,1,7,1370000001,,…");
  ASSERT_EQ(month.size(), 1u);
  EXPECT_EQ(month[0].item, "service_month");
  EXPECT_EQ(month[0].code, "PL12");
  EXPECT_TRUE(errors_of("1,131013,9000000001,careplan,K1,20250501,1,7,1370000001,202505,…").empty());
}

TEST(LinkageReader, AMyNumberIsCheckedButNeverEchoed) {
  auto digit = errors_of("1,131013,9000000001,person,P,20250401,ヤマダ タロウ,,19400101,1,123456789012,1,0");
  ASSERT_EQ(digit.size(), 1u);
  EXPECT_EQ(digit[0].code, "PL19");
  EXPECT_EQ(digit[0].item, "my_number");
  EXPECT_TRUE(digit[0].value.empty());
  EXPECT_EQ(digit[0].message_ja.find("123456789012"), std::string::npos);
  auto shape = errors_of("1,131013,9000000001,person,P,20250401,ヤマダ タロウ,,19400101,1,12345678901X,1,0");
  EXPECT_EQ(shape[0].code, "PL13");
  EXPECT_TRUE(shape[0].value.empty());
  LinkageRow row;
  std::vector<LinkageError> errors;
  const std::string file = std::string(kHeader) + "1,131013,9000000001,person,P,20250401,ヤマダ タロウ,,19400101,1,123456789018,1,0\n";
  LinkageReader reader(file);
  ASSERT_TRUE(reader.next(row, errors));
  ASSERT_TRUE(errors.empty());
  EXPECT_EQ(record_data(row).find("123456789018"), std::string::npos);
}

TEST(LinkageReader, AHeaderMayNameOneKindsColumnsAndThenEveryRowIsOfIt) {
  const std::string file = "update_kind,insurer_no,insured_no,kind,record_id,effective_on,office_no,adl,summary\n"
                           "1,131013,9000000001,life,L1,20250901,1370000002,65,\n"
                           "1,131013,9000000001,burden,B1,20250801,1,20260731,2025\n";
  LinkageReader reader(file);
  ASSERT_TRUE(reader.header_kind());
  EXPECT_EQ(reader.header_kind()->name, "life");
  LinkageRow row;
  std::vector<LinkageError> errors;
  ASSERT_TRUE(reader.next(row, errors));
  EXPECT_TRUE(errors.empty());
  ASSERT_TRUE(reader.next(row, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "PL17");
  EXPECT_EQ(LinkageReader("update_kind,insurer_no,insured_no,kind,record_id,effective_on,adl\n1\n").file_error()->code, "PL02");
}

TEST(LinkageReader, TheFileAsAWhole) {
  EXPECT_EQ(LinkageReader("kind\n").file_error()->code, "PL02");
  EXPECT_EQ(LinkageReader("").file_error()->code, "PL02");
  LinkageReader empty(kHeader);
  LinkageRow row;
  std::vector<LinkageError> errors;
  EXPECT_FALSE(empty.next(row, errors));
  ASSERT_TRUE(empty.file_error());
  EXPECT_EQ(empty.file_error()->code, "PL03");
  LinkageReader bad(std::string(kHeader) + "1,131013\n\xc3\x28\n");
  EXPECT_EQ(bad.file_error()->code, "PL01");
  EXPECT_EQ(bad.file_error()->line, 3u);
  const std::string longline = std::string(kHeader) + "1," + std::string(70000, 'x') + "\n";
  LinkageReader big(longline);
  ASSERT_TRUE(big.next(row, errors));
  EXPECT_EQ(errors.at(0).code, "PL04");
}

}  // namespace
}  // namespace kaigo::platform
