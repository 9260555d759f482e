<?php
// Imports studyguide's Moodle XML files with Moodle's own importer (qformat_xml), then, for every
// imported question, starts an attempt in Moodle's question engine, answers it with the right
// answer from the guide's key and checks the mark is full; answers it wrong and checks the mark is
// not full; and checks the question's mark is the guide's points.
//
//   MOODLE_DIR=/path/to/moodle php tests/moodle/check_import.php OUT/NAME-moodle.xml...
//
// MOODLE_DIR is an installed Moodle (4.4 or later: the ordering type is standard there; 5.x too)
// with its config.php. Each NAME-moodle.xml is imported into a new course's question bank (the
// category named in the file, under the bank's top category): up to 4.5 the course's own bank, from
// 5.0 on the course's question bank activity (mod_qbank), where Moodle 5 keeps questions. Beside it, NAME-moodle.key.json (written
// by tests/moodle/answer_key.py) gives each question's right answer as text, as a student sees
// and types it: the right choice is found among the imported choices by its text, each blank is
// typed, every accepted answer of a blank is tried in an attempt of its own; the choices of a question
// with "All of the above" must be shown in the guide's order. Without a key, Moodle's
// own right answer (get_correct_response()) is used, which only proves the question is well formed.
// A wrong answer is tried once per auto-marked question (the next choice; the last choice of a
// select-all turned over; "zzwrongzz" typed in each blank (a number with a digit more), or an accepted answer with its '*' as
// "ZZ", so a '*' cannot match as Moodle's wildcard; the first matching item given another answer;
// the items in reverse order), and must score less than full marks. The key's points must be the
// question's mark in Moodle, unless the export warned that Moodle cannot give them (a Cloze
// question's blanks are worth whole marks): that difference is listed as a note.
// Each question is also rendered, and its prompt compared with the guide's (as plain text).
// Hand-marked types (essay) only need to be present.
//
// Prints one line per file, then every fault and note. Exit status: 0 when every question of every
// file imported, kept its text and mark, scored full marks on every right answer and less on a wrong
// one; 1 otherwise; 2 on bad use.

define('CLI_SCRIPT', true);
$moodle = getenv('MOODLE_DIR');
if (!$moodle || !is_file($moodle . '/config.php')) {
    fwrite(STDERR, "check_import.php: set MOODLE_DIR to an installed Moodle (the folder with config.php)\n");
    exit(2);
}
$files = array_slice($argv, 1);
if (!$files) {
    fwrite(STDERR, "usage: MOODLE_DIR=... php check_import.php FILE.xml...\n");
    exit(2);
}
require($moodle . '/config.php');
require_once($CFG->libdir . '/questionlib.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/question/format.php');
require_once($CFG->dirroot . '/question/format/xml/format.php');
require_once($CFG->dirroot . '/question/engine/lib.php');

\core\session\manager::set_user(get_admin());
$PAGE->set_url('/');
$PAGE->set_context(context_system::instance());

/** A right answer that cannot be given: the message says what Moodle has instead. */
class sg_fault extends Exception {
}

/** Text as a reader sees it: tags gone, entities decoded, every run of white space one space. */
function sg_text(string $html): string {
    $html = preg_replace('~<br\s*/?>~i', ' ', $html);
    $text = html_entity_decode(strip_tags($html), ENT_QUOTES | ENT_HTML5, 'UTF-8');
    return trim(preg_replace('/\s+/u', ' ', $text));
}

/** Moodle's question type (and, for multichoice, single or not) for each guide type. */
function sg_expected_qtype(array $key, question_definition $q): bool {
    $type = $q->qtype->name();
    switch ($key['type']) {
        case 'multiple_choice': return $type === 'multichoice' && ($q instanceof qtype_multichoice_single_question);
        case 'select_all': return $type === 'multichoice' && !($q instanceof qtype_multichoice_single_question);
        case 'true_false': return $type === 'truefalse';
        case 'short_answer':
        case 'essay': return $type === 'essay';
        case 'fill_in_blank':  // a blank answered by a number is Moodle's number type, marked by its value
            if (count($key['blanks']) > 1) {
                return $type === 'multianswer';
            }
            return $type === (empty($key['numbers'][0]) ? 'shortanswer' : 'numerical');
        case 'matching': return $type === 'match';
        case 'ordering': return $type === 'ordering';
    }
    return false;
}

/** The id of the one answer whose text is $want, or an exception naming what was there. */
function sg_answer_id(array $answers, string $want): int {
    $found = [];
    foreach ($answers as $id => $answer) {
        if (sg_text($answer->answer) === $want) {
            $found[] = $id;
        }
    }
    if (count($found) != 1) {
        $have = array_map(fn($a) => sg_text($a->answer), $answers);
        throw new sg_fault('no single choice "' . $want . '" among: "' . implode('" | "', $have) . '"');
    }
    return $found[0];
}

/**
 * The responses to try (one attempt each), built from the key once the attempt has started (the
 * choices' order is fixed then). Each is the right answer; a blank with several accepted answers
 * gives one attempt per accepted answer.
 */
function sg_responses(array $key, question_definition $q, question_attempt $qa): array {
    switch ($q->qtype->name()) {
        case 'multichoice':
            $order = $q->get_order($qa);
            if (isset($key['choices_in_order'])) {  // "All of the above" (or a pinned choice) is where the guide has it
                $shown = array_map(fn($id) => sg_text($q->answers[$id]->answer), $order);
                if ($shown !== $key['choices_in_order']) {
                    throw new sg_fault('choices shown as "' . implode('" | "', $shown) . '", not in the guide\'s order');
                }
            }
            if (($q instanceof qtype_multichoice_single_question)) {
                return [['answer' => array_search(sg_answer_id($q->answers, $key['right'][0]), $order)]];
            }
            $response = [];
            foreach ($key['right'] as $want) {
                $response['choice' . array_search(sg_answer_id($q->answers, $want), $order)] = 1;
            }
            return [$response];
        case 'truefalse':
            return [['answer' => (int) $key['right']]];
        case 'shortanswer':
        case 'numerical':
            return array_map(fn($typed) => ['answer' => $typed], $key['blanks'][0]);
        case 'multianswer':
            if (count($q->subquestions) != count($key['blanks'])) {
                throw new sg_fault(count($q->subquestions) . ' blanks in Moodle, ' . count($key['blanks']) . ' in the guide');
            }
            $i = 0;
            foreach ($q->subquestions as $sub) {  // a blank answered by a number is a NUMERICAL one, any other SHORTANSWER
                $want = empty($key['numbers'][$i++]) ? 'shortanswer' : 'numerical';
                if ($sub->qtype->name() !== $want) {
                    throw new sg_fault("blank $i is Moodle's {$sub->qtype->name()} type, not $want");
                }
            }
            $most = max(array_map('count', $key['blanks']));
            $responses = [];
            for ($k = 0; $k < $most; $k++) {
                $response = [];
                $i = 0;
                foreach ($q->subquestions as $n => $sub) {
                    $alts = $key['blanks'][$i++];
                    $response['sub' . $n . '_answer'] = $alts[min($k, count($alts) - 1)];
                }
                $responses[] = $response;
            }
            return $responses;
        case 'match':
            $rightfor = [];
            foreach ($key['pairs'] as [$left, $right]) {
                $rightfor[$left] = $right;
            }
            $response = [];
            foreach ($q->get_stem_order() as $pos => $stemid) {
                $stem = sg_text($q->stems[$stemid]);
                if (!array_key_exists($stem, $rightfor)) {
                    throw new sg_fault('matching item "' . $stem . '" is not in the guide');
                }
                $choicekey = null;
                foreach ($q->get_choice_order() as $ck => $choiceid) {
                    // Moodle shows a matching choice through format_string(), as HTML (see qtype_match_renderer).
                    if (sg_text(format_string($q->choices[$choiceid])) === $rightfor[$stem]) {
                        $choicekey = $ck;
                    }
                }
                if ($choicekey === null) {
                    $have = array_map(fn($c) => sg_text(format_string($c)), $q->choices);
                    throw new sg_fault('no choice "' . $rightfor[$stem] . '" for "' . $stem . '" among: "'
                        . implode('" | "', $have) . '"');
                }
                $response['sub' . $pos] = $choicekey;
            }
            return [$response];
        case 'ordering':
            $keys = [];
            foreach ($key['items'] as $want) {
                $keys[] = $q->answers[sg_answer_id($q->answers, $want)]->md5key;
            }
            return [[$q->get_response_fieldname() => implode(',', $keys)]];
    }
    throw new sg_fault('no way to answer a ' . $q->qtype->name() . ' question');
}

/** A wrong answer made from the right response $right: it must score less than full marks. */
function sg_wrong(question_definition $q, question_attempt $qa, array $right): array {
    // A number gets a digit more (9 → 91): Moodle's number type grades a word as no answer, not as a wrong one.
    $typo = fn(string $typed) => str_contains($typed, '*') ? str_replace('*', 'ZZ', $typed)
        : (is_numeric(str_replace(',', '', $typed)) ? $typed . '1' : 'zzwrongzz');
    switch ($q->qtype->name()) {
        case 'multichoice':
            $shown = count($q->get_order($qa));
            if ($q instanceof qtype_multichoice_single_question) {
                return ['answer' => ($right['answer'] + 1) % $shown];
            }
            $last = 'choice' . ($shown - 1);  // turn the last choice over: ticked if it was not, and not if it was
            $wrong = $right;
            if (empty($wrong[$last])) {
                $wrong[$last] = 1;
            } else {
                unset($wrong[$last]);
                if (!$wrong) {  // it was the only right choice: tick another instead
                    $wrong['choice0'] = 1;
                }
            }
            return $wrong;
        case 'truefalse':
            return ['answer' => 1 - $right['answer']];
        case 'shortanswer':
        case 'numerical':
            return ['answer' => $typo($right['answer'])];
        case 'multianswer':
            return array_map($typo, $right);
        case 'match':  // the first item given the next answer: every answer Moodle shows is a different text
            $choices = count($q->get_choice_order());
            $wrong = $right;
            $wrong['sub0'] = $right['sub0'] % $choices + 1;  // choice keys run from 1
            return $wrong;
        case 'ordering':
            $field = $q->get_response_fieldname();
            return [$field => implode(',', array_reverse(explode(',', $right[$field])))];
    }
    throw new sg_fault('no wrong answer for a ' . $q->qtype->name() . ' question');
}

/** The question bank's context for a new course: its question bank activity from Moodle 5.0 on, the course before. */
function sg_bank_context(stdClass $course): context {
    $helper = '\core_question\local\bank\question_bank_helper';
    if (class_exists($helper) && method_exists($helper, 'get_default_open_instance_system_type')) {
        $cm = $helper::get_default_open_instance_system_type($course, true);
        return context_module::instance($cm->id);
    }
    return context_course::instance($course->id);
}

/** The category to import into: the default one of the bank's context. */
function sg_bank_category(context $context): stdClass {
    if ($context instanceof context_module) {
        return question_get_default_category($context->id, true);
    }
    return question_make_default_categories([$context]);
}

/** Starts an attempt at question $id, answers it with $respond(question, attempt) and returns the fraction and the rendered HTML. */
function sg_attempt(int $id, context $context, callable $respond): array {
    $q = question_bank::load_question($id);
    $quba = question_engine::make_questions_usage_by_activity('core_question_preview', $context);
    $quba->set_preferred_behaviour('deferredfeedback');
    $slot = $quba->add_question($q, 1);
    $quba->start_all_questions();
    $response = $respond($q, $quba->get_question_attempt($slot));
    $quba->process_action($slot, $response);
    $quba->finish_all_questions();
    $html = $quba->render_question($slot, new question_display_options());
    return [$quba->get_question_fraction($slot), $html, $response];
}

$failures = 0;
$totals = ['exported' => 0, 'imported' => 0, 'auto' => 0, 'full' => 0, 'wrong' => 0, 'hand' => 0, 'marks' => 0, 'marked' => 0,
    'warned' => 0];
foreach ($files as $file) {
    $name = basename($file);
    $xml = file_get_contents($file);
    $exported = preg_match_all('/<question type="(?!category")/', $xml);
    $keyfile = preg_replace('/\.xml$/', '.key.json', $file);
    $keys = [];
    if (is_file($keyfile)) {
        foreach (json_decode(file_get_contents($keyfile), true)['questions'] as $k) {
            $keys[$k['number']] = $k;
        }
    }

    $course = create_course((object) ['fullname' => 'studyguide check: ' . $name,
        'shortname' => 'sgcheck-' . $name . '-' . uniqid(), 'category' => $DB->get_field_select('course_categories', 'MIN(id)', '1=1')]);
    $context = sg_bank_context($course);
    $format = new qformat_xml();
    $format->setCategory(sg_bank_category($context));
    $format->setContexts([$context]);
    $format->setCourse($course);
    $format->setFilename($file);
    $format->setRealfilename($name);
    $format->setMatchgrades('error');
    $format->setCatfromfile(true);
    $format->setContextfromfile(false);
    $format->setStoponerror(true);
    $format->set_display_progress(false);
    $faults = [];
    ob_start();
    try {
        if (!($format->importpreprocess() && $format->importprocess() && $format->importpostprocess())) {
            $faults[] = 'the import stopped';
        }
    } catch (Throwable $e) {
        if ($DB->is_transaction_started()) {
            $DB->force_transaction_rollback();
        }
        $faults[] = 'the import failed: ' . $e->getMessage() . (isset($e->debuginfo) ? ' (' . trim($e->debuginfo) . ')' : '');
    }
    $log = trim(preg_replace('/\s+/', ' ', strip_tags(ob_get_clean())));
    if ($log !== '') {
        $faults[] = 'import said: ' . $log;
    }
    // A question whose options failed to save is rolled back: count what is in the database.
    $ids = array_values(array_filter($format->questionids, fn($id) => $DB->record_exists('question', ['id' => $id])));

    $auto = $full = $hand = $textok = $wrongok = $marksok = $marked = $warned = 0;
    $notes = [];
    $seen = [];
    foreach ($ids as $id) {
        $q = question_bank::load_question($id);
        $label = $q->name . ' (' . $q->qtype->name() . ')';
        $number = preg_match('/^Q(\d+)\b/', $q->name, $m) ? (int) $m[1] : null;
        $key = $keys ? ($keys[$number] ?? null) : null;
        if ($keys && $key === null) {
            $faults[] = "$label: not in the guide's key";
            continue;
        }
        $seen[$number] = true;
        if ($key) {
            if (!sg_expected_qtype($key, $q)) {
                $faults[] = "$label: a {$key['type']} question became this type";
            }
            // A Cloze question's text holds {#1}, {#2}... where its blanks are.
            $text = $q->qtype->name() === 'multianswer' ? preg_replace('/\{#\d+\}/', '_____', $q->questiontext) : $q->questiontext;
            $got = sg_text($text);
            $same = $key['type'] === 'fill_in_blank' ? str_starts_with($got, $key['prompt']) : $got === $key['prompt'];
            if ($same) {
                $textok++;
            } else {
                $faults[] = "$label: prompt is \"$got\", the guide's is \"{$key['prompt']}\"";
            }
            if (isset($key['points'])) {
                $marked++;
                $mark = (float) $q->defaultmark;
                if (abs($mark - (float) $key['points']) < 0.00001) {
                    $marksok++;
                } else if (isset($key['points_warning'])) {
                    $notes[] = "$label: mark $mark, the guide's points are {$key['points']}, as the export warned: {$key['points_warning']}";
                    $warned++;
                } else {
                    $faults[] = "$label: Moodle's mark is $mark, the guide's points are {$key['points']}";
                }
            }
        }
        $handmarked = $key ? !empty($key['hand_marked']) : $q->qtype->name() === 'essay';
        if ($handmarked) {  // nothing to mark automatically: it must be there and render
            try {
                sg_attempt($id, $context, fn($q, $qa) => []);
                $hand++;
            } catch (Throwable $e) {
                $faults[] = "$label: could not be started: " . $e->getMessage();
            }
            continue;
        }
        $auto++;
        $respond = $key ? fn($q, $qa) => sg_responses($key, $q, $qa) : fn($q, $qa) => [$q->get_correct_response()];
        $allfull = true;
        $tries = 1;  // known once the first attempt has built the responses
        for ($t = 0; $t < $tries; $t++) {
            try {
                [$fraction, $html, $response] = sg_attempt($id, $context, function($q, $qa) use ($respond, $t, &$tries) {
                    $responses = $respond($q, $qa);
                    $tries = count($responses);
                    return $responses[$t];
                });
            } catch (Throwable $e) {
                $faults[] = "$label: could not be answered: " . $e->getMessage();
                $allfull = false;
                break;
            }
            if ($fraction === null || abs($fraction - 1) > 0.00001) {
                $faults[] = "$label: right answer " . json_encode($response, JSON_UNESCAPED_UNICODE) . ' scored ' . var_export($fraction, true);
                $allfull = false;
            }
            if (preg_match_all('~<script>(.*?)</script>~s', $html, $scripts)) {
                foreach ($scripts[1] as $inner) {
                    if (trim($inner) !== '' && str_contains($xml, $inner)) {
                        $faults[] = "$label: renders the guide's text as a live <script>: $inner";
                        $allfull = false;
                    }
                }
            }
        }
        if ($allfull) {
            $full++;
        }
        try {
            [$fraction, $html, $response] = sg_attempt($id, $context,
                fn($q, $qa) => sg_wrong($q, $qa, $respond($q, $qa)[0]));
            if ($fraction !== null && $fraction > 1 - 0.00001) {
                $faults[] = "$label: wrong answer " . json_encode($response, JSON_UNESCAPED_UNICODE) . ' scored full marks';
            } else {
                $wrongok++;
            }
        } catch (Throwable $e) {
            $faults[] = "$label: could not be answered wrong: " . $e->getMessage();
        }
    }
    foreach (array_keys($keys) as $number) {
        if (!isset($seen[$number])) {
            $faults[] = sprintf('Q%02d (%s): missing after the import', $number, $keys[$number]['type']);
        }
    }

    $line = sprintf('%s: exported %d, imported %d, full marks %d of %d auto-marked%s, wrong answers below full %d of %d, '
        . 'hand-marked present %d', $name, $exported, count($ids), $full, $auto,
        $keys ? ' (answered from the guide\'s key)' : ' (Moodle\'s own right answers: no key)', $wrongok, $auto, $hand);
    if ($keys) {
        $line .= sprintf(', prompt kept %d of %d', $textok, count($ids));
        $line .= $marked ? sprintf(', mark as the guide\'s points %d of %d', $marksok, $marked) : ' (the guide gives no points)';
        $line .= $warned ? sprintf(' (%d as the export warned)', $warned) : '';
    }
    $ok = !$faults && count($ids) == $exported && $full == $auto && $wrongok == $auto && (!$keys || count($keys) == $exported);
    echo $line . ($ok ? '' : '  FAILED') . "\n";
    foreach ($faults as $fault) {
        echo "  - $fault\n";
    }
    foreach ($notes as $note) {
        echo "  note: $note\n";
    }
    $failures += $ok ? 0 : 1;
    foreach (['exported' => $exported, 'imported' => count($ids), 'auto' => $auto, 'full' => $full, 'wrong' => $wrongok,
              'hand' => $hand, 'marks' => $marksok, 'marked' => $marked, 'warned' => $warned] as $k => $v) {
        $totals[$k] += $v;
    }
}
printf("%d files: exported %d, imported %d, full marks %d of %d auto-marked, wrong answers below full %d of %d, "
    . "hand-marked present %d, mark as the guide's points %d of %d (%d otherwise, as the export warned); %s\n",
    count($files), $totals['exported'], $totals['imported'], $totals['full'], $totals['auto'], $totals['wrong'], $totals['auto'],
    $totals['hand'], $totals['marks'], $totals['marked'], $totals['warned'],
    $failures ? "$failures file(s) FAILED" : 'all passed');
exit($failures ? 1 : 0);
