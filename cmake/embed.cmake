# Embeds data files (layout tables, bundled masters) into the library, so that the binary needs
# nothing beside it at run time. Each file becomes an entry of kaigo::embedded::files(), keyed by
# its path relative to the source root.
function(kaigo_embed out_var files)
  set(generated ${CMAKE_BINARY_DIR}/generated/embedded_files.cpp)
  set(list_file ${CMAKE_BINARY_DIR}/generated/embedded_files.txt)
  string(REPLACE ";" "\n" lines "${files}")
  file(WRITE ${list_file}.tmp "${lines}\n")
  execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${list_file}.tmp ${list_file})
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${CMAKE_COMMAND} -DOUT=${generated} -DROOT=${CMAKE_SOURCE_DIR} -DLIST=${list_file}
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake
    DEPENDS ${files} ${list_file} ${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake
    COMMENT "Embedding data files"
    VERBATIM)
  set(${out_var} ${generated} PARENT_SCOPE)
endfunction()
