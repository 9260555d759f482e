<?php
// Moodle's own round trip of one studyguide Moodle XML file: import it into a new course with Moodle's
// importer (qformat_xml), then export that question category again with Moodle's exporter, as a teacher's
// Question bank → Export to file does. Usage: MOODLE_DIR=... php roundtrip.php IN.xml OUT.xml
// (tests/test_export_numbers.py reads OUT.xml back with studyguide's import).
define('CLI_SCRIPT', true);
$moodle = getenv('MOODLE_DIR');
[, $in, $out] = $argv;
require($moodle . '/config.php');
require_once($CFG->libdir . '/questionlib.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/question/format.php');
require_once($CFG->dirroot . '/question/format/xml/format.php');
require_once($CFG->dirroot . '/question/editlib.php');  // (the exporter's get_questions_category)
\core\session\manager::set_user(get_admin());
$PAGE->set_url('/');
$PAGE->set_context(context_system::instance());
$course = create_course((object) ['fullname' => 'roundtrip ' . basename($in), 'shortname' => 'rt-' . uniqid(),
    'category' => $DB->get_field_select('course_categories', 'MIN(id)', '1=1')]);
// Moodle 5 keeps question banks in a module of the course (qbank); 4.x in the course's context
$helper = '\core_question\local\bank\question_bank_helper';
if (class_exists($helper)) {
    $context = context_module::instance($helper::get_default_open_instance_system_type($course, true)->id);
} else {
    $context = context_course::instance($course->id);
}
$import = new qformat_xml();
$import->setCategory(question_get_default_category($context->id, true));
$import->setContexts([$context]);
$import->setCourse($course);
$import->setFilename($in);
$import->setRealfilename(basename($in));
$import->setMatchgrades('error');
$import->setCatfromfile(true);
$import->setContextfromfile(false);
$import->setStoponerror(true);
$import->set_display_progress(false);
ob_start();
$ok = $import->importpreprocess() && $import->importprocess() && $import->importpostprocess();
ob_end_clean();
if (!$ok) {
    fwrite(STDERR, "roundtrip.php: Moodle did not import $in\n");
    exit(1);
}
$export = new qformat_xml();
$export->setCategory($DB->get_record('question_categories', ['id' => $import->category->id]));
$export->setContexts([$context]);
$export->setCourse($course);
$export->setCattofile(true);
$export->setContexttofile(false);
$export->exportpreprocess();
file_put_contents($out, $export->exportprocess(false));
