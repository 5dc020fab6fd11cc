# The rows cmake/enum_rows.cmake makes of a table (tests/CMakeLists.txt runs it on each fixture here):
# cmake -DSOURCE_DIR=… -DFIXTURE=NAME.tsv -DOUT=FILE [-DEXPECTED=NAME.inc] -P check.cmake
# A broken fixture stops it with "fixture:LINE: …", which the test's pass expression names; a good
# one's rows must be the expected ones, byte for byte.
cmake_minimum_required(VERSION 3.25)  # the project's policies, as the configure runs it
include(${SOURCE_DIR}/cmake/enum_rows.cmake)
kaigo_enum_rows_file(${FIXTURE} "fixture" ${OUT})
if(DEFINED EXPECTED)
  file(READ ${OUT} got)
  file(READ ${EXPECTED} want)
  if(NOT got STREQUAL want)
    message(FATAL_ERROR "the rows of ${FIXTURE} are\n${got}\nwhere\n${want}\nwas expected")
  endif()
  message(STATUS "rows as expected")
endif()
