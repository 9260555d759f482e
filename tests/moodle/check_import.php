<?php
// Imports studyguide's Moodle XML files with Moodle's own importer (qformat_xml), then answers
// every imported question with its right answer in Moodle's question engine and reports its mark.
//
// Run inside a Moodle 4.4+ site (see docs/moodle-check.md; tests/moodle/run.sh does it all):
//   php sgcheck/check_import.php sgcheck/*.xml
// Exit status: 0 when every question of every file imported and every auto-marked question scored
// full marks on its right answer; 1 otherwise.

define('CLI_SCRIPT', true);
require(__DIR__ . '/../config.php');
require_once($CFG->libdir . '/clilib.php');
require_once($CFG->libdir . '/questionlib.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/question/format.php');
require_once($CFG->dirroot . '/question/format/xml/format.php');
require_once($CFG->dirroot . '/question/engine/lib.php');

[$options, $files] = cli_get_params([], []);
if (!$files) {
    cli_error('usage: php sgcheck/check_import.php FILE.xml...');
}
\core\session\manager::set_user(get_admin());

$course = create_course((object)['fullname' => 'studyguide import check', 'shortname' => 'sgcheck' . time(),
    'category' => $DB->get_field_select('course_categories', 'MIN(id)', '1=1')]);
$context = context_course::instance($course->id);
$failures = 0;

foreach ($files as $file) {
    $xml = file_get_contents($file);
    $expected = preg_match_all('/<question type="(?!category")/', $xml);
    $category = question_make_default_categories([$context]);
    $format = new qformat_xml();
    $format->setCategory($category);
    $format->setContexts([$context]);
    $format->setCourse($course);
    $format->setFilename($file);
    $format->setRealfilename(basename($file));
    $format->setMatchgrades('error');
    $format->setCatfromfile(true);
    $format->setContextfromfile(false);
    $format->setStoponerror(true);
    ob_start();
    try {
        $ok = $format->importpreprocess() && $format->importprocess() && $format->importpostprocess();
        $error = '';
    } catch (Throwable $e) {
        $ok = false;
        $error = $e->getMessage();
    }
    $log = ob_get_clean();
    $ids = $format->questionids ?? [];
    $line = basename($file) . ': imported ' . count($ids) . " of $expected";
    if (!$ok || count($ids) != $expected) {
        $failures++;
        echo "$line  FAILED " . trim(strip_tags($error ?: $log)) . "\n";
        continue;
    }
    $full = $manual = 0;
    $wrong = [];
    foreach ($ids as $id) {
        $question = question_bank::load_question($id);
        $response = $question->get_correct_response();
        if ($response === null || $question->qtype->name() === 'essay') {
            $manual++;  // graded by hand (essays): nothing to answer automatically
            continue;
        }
        $quba = question_engine::make_questions_usage_by_activity('core_question_preview', $context);
        $quba->set_preferred_behaviour('deferredfeedback');
        $slot = $quba->add_question($question, 1);
        $quba->start_all_questions();
        $quba->process_action($slot, $response);
        $quba->finish_all_questions();
        $fraction = $quba->get_question_fraction($slot);
        if ($fraction !== null && abs($fraction - 1) < 0.00001) {
            $full++;
        } else {
            $wrong[] = $question->name . ' (' . $question->qtype->name() . '): ' . var_export($fraction, true);
        }
    }
    echo "$line; full marks $full, graded by hand $manual" . ($wrong ? ', NOT full: ' . implode('; ', $wrong) : '') . "\n";
    if ($wrong) {
        $failures++;
    }
}
exit($failures ? 1 : 0);
