"""Every word studyguide prints on its own, in the class's language.

Chosen by the guide's `language:` (its first subtag: pt-BR → pt); a guide's
`labels:` overrides any single label. Languages not listed print English.

Dates and numbers follow the language too, from the same tables: `decimal`
(the decimal separator), `months`, and the date patterns `full_date`,
`month_year` and `first_day`. These are labels like the others, so a guide can
override them (`full_date: "{day} {month} {year}"` for day-first dates), and a
class in a language not built in can get its own months.

Why a table and not Babel: studyguide prints two things that depend on the
locale, a decimal separator and one date, in six languages. Babel would bring
36 MB of CLDR data and cost about 37 ms to import (`python -X importtime -c
"import babel.dates"`) plus about 40 ms to load a locale's data on first use,
against roughly 150 ms for a whole handout. The table is a few lines per
language, costs nothing to import, and a teacher can override any of it.
"""
from __future__ import annotations

import contextlib
import dataclasses
import re

from . import untranslated

EN = {
    # the reading (its heading) and the questions' citations of its lines and paragraphs
    "reading": "Reading", "cite_line": "line {n}", "cite_lines": "lines {first}–{last}", "cite_paragraph": "paragraph {n}", "cite_paragraphs": "paragraphs {first}–{last}",
    "cite_lead": "{where}:", "next_to": "–",
    # the header and footer
    "name": "Name", "date": "Date", "period": "Period", "answer_key": "ANSWER KEY", "key_footer": "Answer Key",
    "total": "Total: {points} points", "total_one": "Total: {points} point", "point": "({n} pt)", "points": "({n} pts)", "page": "Page {n} of {total}",
    "version": "Version {v}", "seed": "seed {s}", "source": "Source:", "grade": "Grade {g}", "grades": "Grades {g}",
    "term": "Term", "meaning": "Meaning", "word_bank": "Word bank:", "cloze_definition": "{blank} means: {definition}", "why": "Why:",
    "model_answer": "Model answer:", "example": "Example:", "grading_notes": "Grading notes:",
    "also_accept": "Also accept {others} for {answer}.", "true": "True", "false": "False",
    # section headings (`headings:` renames these too)
    "summary": "Summary", "objectives": "Objectives", "topics": "Key Topics", "perspectives": "Perspectives",
    "chart": "Benefits and Criticisms", "benefits": "Benefits", "criticisms": "Criticisms",
    "takeaways": "Key Takeaways", "vocabulary": "Vocabulary", "questions": "Questions",
    # the instruction under each question, by type
    "multiple_choice": "Circle the letter of the best answer.",
    "select_all": "Circle the letter of every correct answer; there may be more than one.",
    "true_false": "Circle True or False.",
    # the same in the fillable edition, whose choices are buttons and boxes to select on screen, not letters to circle
    "multiple_choice_fillable": "Select the best answer.",
    "select_all_fillable": "Select every correct answer; there may be more than one.",
    "true_false_fillable": "Select True or False.",
    "short_answer": "Answer in complete sentences on the lines.",
    "short_answer_line": "Write your answer on the line.",
    "short_answer_work": "Show your work and write the answer on the lines.",
    "short_answer_code": "Write the code on the lines.",
    "essay": "Write your answer on the lines. Support it with evidence from the reading.",
    "essay_no_reading": "Write your answer on the lines.",  # (a guide with no reading: no evidence from it)
    "fill_in_blank": "Write the missing word or words in each blank.",
    "fill_in_blank_bank": "Write the missing word or words in each blank, choosing from the word bank.",
    "matching": "Write the letter of the matching item on the line beside each number.",
    "ordering": "Number the items in the boxes in the right order, 1 for the first.",
    # (exports: Canvas asks an ordering question as a matching of each item to its place; this line says so)
    "ordering_places": "Match each item with its place in the order (1 = first).",
    # vocabulary activities: headings and instructions
    "matching_title": "Vocabulary Matching",
    "matching_instructions": "Write the letter of the matching definition on the line beside each term.",
    "one_unused": "One definition is not used.",
    "two_unused": "Two definitions are not used.",
    "unused_in_each_set": "Each set has definitions that are not used.",
    "one_unused_in_each_set": "Each set has one definition that is not used.",
    "matching_set": "Set {n}: terms {first}–{last}",
    "matching_set_one": "Set {n}: term {first}",
    "matching_part": "Question {number} (continued): items {first}–{last}, letters {a}–{b}",
    "cloze_title": "Vocabulary in Context",
    "cloze_instructions": "Complete each sentence with a word or phrase from the word bank. Use each one once.",
    "flashcards_title": "Flashcards",
    "flashcards_instructions": ("Cut along the dashed lines. Fold each strip on the dotted line, so that the term is "
                                "on one side and its meaning on the other."),
    "fold": "fold",
    "flashcards_duplex_title": "Flashcards (Double-Sided)",
    "flashcards_duplex_instructions": ("Print this page and the next on the two sides of one sheet, flipping on the "
                                       "long edge. Cut along the dashed lines: each card has the term on the front "
                                       "and its meaning on the back."),
    "fronts": "{title}: fronts", "backs": "{title}: backs", "sheet": "sheet {n} of {total}",
    "backs_note": "The back of the page before: each meaning is behind its term.",
    "lines_go_on": "The lines go on over the page.", "lines_part": "Question {number} (continued)",
    "key_notes": "Notes on the Answers", "key_note_page": "(page {n})",
    "directions": "Questions {first}–{last}:",
    # the fillable edition's field names as a screen reader says them (a form field's tooltip)
    "field_question": "Question {n}", "field_blank": "blank {k}", "field_choice": "choice {letter}", "field_term": "term {k}", "field_item": "item {k}",
    "copy_ends": "This page is blank on purpose: the next copy starts on a new sheet.",
    "blank_page": ("This page is left blank on purpose: the flashcards that follow print on the two sides of one "
                   "sheet."),
    "word_search_title": "Word Search",
    "word_search_instructions": ("Find each word in the grid. Words run {ways}. Spaces, hyphens and apostrophes are "
                                 "left out."),
    "word_search_easy": "across (left to right) and down",
    "word_search_medium": "across, down and diagonally downwards",
    "word_search_hard": "in all eight directions, forwards and backwards",
    "words_to_find": "Words to find",
    "words_go_on": "The words to find are on the next page.",
    "crossword_title": "Crossword",
    "crossword_instructions": ("Fill in the crossword using the clues. Leave out spaces, hyphens and apostrophes; "
                               "the numbers in brackets give the length of each word."),
    "across": "Across", "down": "Down", "continued": "{what} (continued)",
    # the coverage table (objectives × questions) and the answer grid of a version
    "coverage": "What the questions check",
    "coverage_key": "Coverage: objectives × questions (teacher’s view)",
    "objective_column": "Objective", "questions_column": "Questions", "points_column": "Points",
    "not_checked": "not checked by any question", "no_objective": "No objective named",
    "organizers": "Graphic Organizers", "who": "Who", "view": "View", "evidence": "Evidence", "frayer": "Frayer Model", "definition": "Definition", "characteristics": "Characteristics", "examples": "Examples", "non_examples": "Non-examples",
    "quiz": "Quiz", "notes": "Guided Notes", "cornell": "Cornell Notes", "cues": "Questions", "notes_column": "Notes",
    "exit_ticket": "Exit Ticket",
    "answer_grid": "Answer grid", "number_column": "No.", "answer_column": "Answer", "see_key": "see the key",
    # quotation marks, numbers and dates
    "quote": "“{text}”", "cited_title": "“{title}”", "decimal": ".",
    "months": "January, February, March, April, May, June, July, August, September, October, November, December",
    "full_date": "{month} {day}, {year}", "month_year": "{month} {year}", "first_day": "1",
}

ES = {
    # the reading (its heading) and the questions' citations of its lines and paragraphs
    "reading": "Lectura", "cite_line": "línea {n}", "cite_lines": "líneas {first}–{last}", "cite_paragraph": "párrafo {n}", "cite_paragraphs": "párrafos {first}–{last}",
    "cite_lead": "{where}:", "next_to": " y ",
    "name": "Nombre", "date": "Fecha", "period": "Curso", "answer_key": "CLAVE DE RESPUESTAS",
    "key_footer": "Clave de respuestas", "total": "Total: {points} puntos",
    "total_one": "Total: {points} punto", "point": "({n} pto.)",
    "points": "({n} ptos.)", "page": "Página {n} de {total}", "version": "Versión {v}", "seed": "semilla {s}",
    "source": "Fuente:", "grade": "Grado {g}", "grades": "Grados {g}", "term": "Término", "meaning": "Significado",
    "word_bank": "Banco de palabras:", "cloze_definition": "{blank} significa: {definition}", "why": "Explicación:",
    "model_answer": "Respuesta modelo:", "example": "Ejemplo:", "grading_notes": "Criterios de corrección:",
    "also_accept": "Acepte también {others} en lugar de {answer}.", "true": "Verdadero", "false": "Falso",
    "summary": "Resumen", "objectives": "Objetivos", "topics": "Temas clave", "perspectives": "Puntos de vista",
    "chart": "Ventajas y críticas", "benefits": "Ventajas", "criticisms": "Críticas",
    "takeaways": "Ideas clave", "vocabulary": "Vocabulario", "questions": "Preguntas",
    "multiple_choice": "Encierra en un círculo la letra de la mejor respuesta.",
    "select_all": "Encierra en un círculo la letra de cada respuesta correcta; puede haber más de una.",
    "true_false": "Encierra en un círculo Verdadero o Falso.",
    "multiple_choice_fillable": "Marca la mejor respuesta.",
    "select_all_fillable": "Marca cada respuesta correcta; puede haber más de una.",
    "true_false_fillable": "Marca Verdadero o Falso.",
    "short_answer": "Responde en las líneas con oraciones completas.",
    "short_answer_line": "Escribe tu respuesta en la línea.",
    "short_answer_work": "Muestra tu procedimiento y escribe la respuesta en las líneas.",
    "short_answer_code": "Escribe el código en las líneas.",
    "essay": "Escribe tu respuesta en las líneas. Justifícala con ejemplos de la lectura.",
    "essay_no_reading": "Escribe tu respuesta en las líneas.",
    "fill_in_blank": "Completa cada espacio en blanco con la palabra o las palabras que faltan.",
    "fill_in_blank_bank": ("Completa cada espacio en blanco con la palabra o las palabras que faltan; elígelas del "
                           "banco de palabras."),
    "matching": "Escribe en la línea junto a cada número la letra que le corresponde.",
    "ordering": "Numera las casillas en el orden correcto, empezando por el 1.",
    "ordering_places": "Empareja cada elemento con su lugar en el orden (1 = el primero).",
    "matching_title": "Vocabulario: términos y definiciones",
    "matching_instructions": "Escribe en la línea junto a cada término la letra de su definición.",
    "one_unused": "Sobra una definición.",
    "two_unused": "Sobran dos definiciones.",
    "unused_in_each_set": "En cada grupo sobran definiciones.",
    "one_unused_in_each_set": "En cada grupo sobra una definición.",
    "matching_set": "Grupo {n}: términos {first}–{last}",
    "matching_set_one": "Grupo {n}: término {first}",
    "matching_part": "Pregunta {number} (continuación): elementos {first}–{last}, letras {a}–{b}",
    "cloze_title": "Vocabulario en contexto",
    "cloze_instructions": ("Completa cada oración con una palabra o expresión del banco de palabras. Usa cada una "
                           "solo una vez."),
    "flashcards_title": "Tarjetas de estudio",
    "flashcards_instructions": ("Recorta por las líneas discontinuas. Dobla cada tira por la línea de puntos, de modo "
                                "que el término quede por un lado y su significado por el otro."),
    "fold": "doblar",
    "flashcards_duplex_title": "Tarjetas de estudio (a doble cara)",
    "flashcards_duplex_instructions": ("Imprime esta página y la siguiente a doble cara en una misma hoja, girándola "
                                       "por el borde largo. Recorta por las líneas discontinuas: cada tarjeta tiene "
                                       "el término por delante y su significado por detrás."),
    "fronts": "{title}: anverso", "backs": "{title}: reverso", "sheet": "hoja {n} de {total}",
    "backs_note": "Reverso de la página anterior: cada significado queda detrás de su término.",
    "lines_go_on": "Las líneas siguen en la página siguiente.", "lines_part": "Pregunta {number} (continuación)",
    "key_notes": "Notas sobre las respuestas", "key_note_page": "(página {n})",
    "directions": "Preguntas {first}–{last}:",
    "field_question": "Pregunta {n}", "field_blank": "espacio {k}", "field_choice": "opción {letter}", "field_term": "término {k}", "field_item": "elemento {k}",
    "copy_ends": "Esta página está en blanco a propósito: la copia siguiente empieza en una hoja nueva.",
    "blank_page": ("Esta página se ha dejado en blanco a propósito: las tarjetas que siguen se imprimen por las dos "
                   "caras de una misma hoja."),
    "word_search_title": "Sopa de letras",
    "word_search_instructions": ("Busca cada palabra en la sopa de letras. Las palabras van {ways}. Se han quitado "
                                 "los espacios, los guiones y los apóstrofos."),
    "word_search_easy": "en horizontal (de izquierda a derecha) y en vertical (de arriba abajo)",
    "word_search_medium": "en horizontal, en vertical y en diagonal hacia abajo",
    "word_search_hard": "en las ocho direcciones, hacia delante y hacia atrás",
    "words_to_find": "Palabras que hay que buscar",
    "words_go_on": "Las palabras que hay que buscar están en la página siguiente.",
    "crossword_title": "Crucigrama",
    "crossword_instructions": ("Completa el crucigrama con ayuda de las pistas. No escribas espacios, guiones ni "
                               "apóstrofos; los números entre paréntesis indican la longitud de cada palabra."),
    "across": "Horizontales", "down": "Verticales", "continued": "{what} (continuación)",
    "coverage": "Qué evalúa cada pregunta",
    "coverage_key": "Cobertura: objetivos × preguntas (vista del docente)",
    "objective_column": "Objetivo", "questions_column": "Preguntas", "points_column": "Puntos",
    "not_checked": "ninguna pregunta lo evalúa", "no_objective": "Sin objetivo indicado",
    "organizers": "Organizadores gráficos", "who": "Quién", "view": "Opinión", "evidence": "Evidencia", "frayer": "Modelo Frayer", "definition": "Definición", "characteristics": "Características", "examples": "Ejemplos", "non_examples": "No son ejemplos",
    "quiz": "Prueba", "notes": "Apuntes guiados", "cornell": "Notas Cornell", "cues": "Preguntas", "notes_column": "Apuntes",
    "exit_ticket": "Ticket de salida",
    "answer_grid": "Plantilla de corrección", "number_column": "N.º", "answer_column": "Respuesta",
    "see_key": "ver la clave",
    "quote": "«{text}»", "cited_title": "«{title}»", "decimal": ",",
    "months": "enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre",
    "full_date": "{day} de {month} de {year}", "month_year": "{month} de {year}", "first_day": "1",
}

FR = {
    # the reading (its heading) and the questions' citations of its lines and paragraphs
    "reading": "Texte", "cite_line": "ligne {n}", "cite_lines": "lignes {first} à {last}", "cite_paragraph": "paragraphe {n}", "cite_paragraphs": "paragraphes {first} à {last}",
    "cite_lead": "{where}\u00a0:", "next_to": " et ",
    "name": "Nom", "date": "Date", "period": "Classe", "answer_key": "CORRIGÉ", "key_footer": "Corrigé",
    "total": "Total\u00a0: {points} points", "total_one": "Total\u00a0: {points} point", "point": "({n} pt)", "points": "({n} pts)",
    "page": "Page {n} sur {total}", "version": "Version {v}", "seed": "graine {s}", "source": "Source\u00a0:",
    "grade": "Niveau {g}", "grades": "Niveaux {g}", "term": "Terme", "meaning": "Définition",
    "word_bank": "Banque de mots\u00a0:", "cloze_definition": "{blank} signifie\u00a0: {definition}", "why": "Explication\u00a0:",
    "model_answer": "Réponse attendue\u00a0:", "example": "Exemple\u00a0:", "grading_notes": "Critères de correction\u00a0:",
    "also_accept": "Accepter aussi {others} à la place de {answer}.", "true": "Vrai", "false": "Faux",
    "summary": "Résumé", "objectives": "Objectifs", "topics": "Thèmes clés", "perspectives": "Points de vue",
    "chart": "Avantages et critiques", "benefits": "Avantages", "criticisms": "Critiques",
    "takeaways": "À retenir", "vocabulary": "Vocabulaire", "questions": "Questions",
    "multiple_choice": "Entoure la lettre de la bonne réponse.",
    "select_all": "Entoure la lettre de chaque bonne réponse\u00a0; il peut y en avoir plusieurs.",
    "true_false": "Entoure Vrai ou Faux.",
    "multiple_choice_fillable": "Coche la bonne réponse.",
    "select_all_fillable": "Coche chaque bonne réponse\u00a0; il peut y en avoir plusieurs.",
    "true_false_fillable": "Coche Vrai ou Faux.",
    "short_answer": "Réponds sur les lignes par des phrases complètes.",
    "short_answer_line": "Écris ta réponse sur la ligne.",
    "short_answer_work": "Montre tes calculs et écris la réponse sur les lignes.",
    "short_answer_code": "Écris le code sur les lignes.",
    "essay": "Écris ta réponse sur les lignes. Justifie-la à l’aide d’éléments du texte.",
    "essay_no_reading": "Écris ta réponse sur les lignes.",
    "fill_in_blank": "Complète chaque blanc avec le ou les mots qui manquent.",
    "fill_in_blank_bank": "Complète chaque blanc avec le ou les mots qui manquent, à choisir dans la banque de mots.",
    "matching": "Sur la ligne à côté de chaque numéro, écris la lettre qui lui correspond.",
    "ordering": "Numérote les éléments dans les cases, dans le bon ordre\u00a0: 1 pour le premier.",
    "ordering_places": "Associe chaque élément à sa place dans l’ordre (1 = le premier).",
    "matching_title": "Vocabulaire\u00a0: termes et définitions",
    "matching_instructions": "Sur la ligne à côté de chaque terme, écris la lettre de sa définition.",
    "one_unused": "Une définition est en trop.",
    "two_unused": "Deux définitions sont en trop.",
    "unused_in_each_set": "Chaque série contient des définitions en trop.",
    "one_unused_in_each_set": "Chaque série contient une définition en trop.",
    "matching_set": "Série {n}\u00a0: termes {first} à {last}",
    "matching_set_one": "Série {n}\u00a0: terme {first}",
    "matching_part": "Question {number} (suite)\u00a0: éléments {first} à {last}, lettres {a} à {b}",
    "cloze_title": "Vocabulaire en contexte",
    "cloze_instructions": ("Complète chaque phrase avec un mot ou une expression de la banque de mots. Utilise "
                           "chacun une seule fois."),
    "flashcards_title": "Cartes mémoire",
    "flashcards_instructions": ("Découpe le long des tirets. Plie chaque bande sur les pointillés, pour avoir le "
                                "terme d’un côté et sa définition de l’autre."),
    "fold": "pli",
    "flashcards_duplex_title": "Cartes mémoire (recto verso)",
    "flashcards_duplex_instructions": ("Imprime cette page et la suivante en recto verso sur une même feuille "
                                       "(retournement sur le bord long). Découpe le long des tirets\u00a0: chaque "
                                       "carte a le terme au recto et sa définition au verso."),
    "fronts": "{title}\u00a0: recto", "backs": "{title}\u00a0: verso", "sheet": "feuille {n} sur {total}",
    "backs_note": "Verso de la page précédente\u00a0: chaque définition se trouve derrière son terme.",
    "lines_go_on": "Les lignes continuent page suivante.", "lines_part": "Question {number} (suite)",
    "key_notes": "Notes sur les réponses", "key_note_page": "(page {n})",
    "directions": "Questions {first} à {last}\u00a0:",
    "field_question": "Question {n}", "field_blank": "blanc {k}", "field_choice": "choix {letter}", "field_term": "terme {k}", "field_item": "élément {k}",
    "copy_ends": "Cette page est blanche exprès\u00a0: l’exemplaire suivant commence sur une nouvelle feuille.",
    "blank_page": ("Cette page est laissée blanche intentionnellement\u00a0: les cartes qui suivent s’impriment au "
                   "recto et au verso d’une même feuille."),
    "word_search_title": "Mots mêlés",
    "word_search_instructions": ("Retrouve chaque mot dans la grille. Les mots sont écrits {ways}. Les espaces, "
                                 "traits d’union et apostrophes ont été supprimés."),
    "word_search_easy": "horizontalement (de gauche à droite) et verticalement (de haut en bas)",
    "word_search_medium": "horizontalement, verticalement et en diagonale vers le bas",
    "word_search_hard": "dans les huit directions, à l’endroit comme à l’envers",
    "words_to_find": "Mots à trouver",
    "words_go_on": "Les mots à trouver sont à la page suivante.",
    "crossword_title": "Mots croisés",
    "crossword_instructions": ("Remplis la grille à l’aide des définitions. N’écris ni espaces, ni traits d’union, "
                               "ni apostrophes\u00a0; les nombres entre parenthèses donnent la longueur de chaque mot."),
    "across": "Horizontalement", "down": "Verticalement", "continued": "{what} (suite)",
    "coverage": "Ce que vérifient les questions",
    "coverage_key": "Couverture\u00a0: objectifs × questions (vue de l’enseignant)",
    "objective_column": "Objectif", "questions_column": "Questions", "points_column": "Points",
    "not_checked": "aucune question ne le vérifie", "no_objective": "Aucun objectif indiqué",
    "organizers": "Organisateurs graphiques", "who": "Qui", "view": "Point de vue", "evidence": "Preuves", "frayer": "Modèle de Frayer", "definition": "Définition", "characteristics": "Caractéristiques", "examples": "Exemples", "non_examples": "Contre-exemples",
    "quiz": "Interrogation", "notes": "Notes guidées", "cornell": "Notes Cornell", "cues": "Questions", "notes_column": "Notes",
    "exit_ticket": "Billet de sortie",
    "answer_grid": "Grille de correction", "number_column": "N°", "answer_column": "Réponse",
    "see_key": "voir le corrigé",
    "quote": "«\u00a0{text}\u00a0»", "cited_title": "«\u00a0{title}\u00a0»", "decimal": ",",
    "months": "janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre",
    "full_date": "{day} {month} {year}", "month_year": "{month} {year}", "first_day": "1er",
}

DE = {
    # the reading (its heading) and the questions' citations of its lines and paragraphs
    "reading": "Text", "cite_line": "Zeile {n}", "cite_lines": "Zeilen {first}–{last}", "cite_paragraph": "Absatz {n}", "cite_paragraphs": "Absätze {first}–{last}",
    "cite_lead": "{where}:", "next_to": " und ",
    "name": "Name", "date": "Datum", "period": "Klasse", "answer_key": "LÖSUNGEN", "key_footer": "Lösungen",
    "total": "Gesamt: {points} Punkte", "total_one": "Gesamt: {points} Punkt", "point": "({n} Pkt.)", "points": "({n} Pkt.)",
    "page": "Seite {n} von {total}", "version": "Version {v}", "seed": "Startwert {s}", "source": "Quelle:",
    "grade": "Jahrgangsstufe {g}", "grades": "Jahrgangsstufen {g}", "term": "Begriff", "meaning": "Bedeutung",
    "word_bank": "Wortspeicher:", "cloze_definition": "{blank} bedeutet: {definition}", "why": "Begründung:", "also_accept": "Ebenfalls richtig: {others} statt {answer}.",
    "model_answer": "Musterlösung:", "example": "Beispiel:", "grading_notes": "Bewertungshinweise:",
    "true": "Richtig", "false": "Falsch",
    "summary": "Zusammenfassung", "objectives": "Lernziele", "topics": "Schwerpunkte", "perspectives": "Sichtweisen",
    "chart": "Vorteile und Kritik", "benefits": "Vorteile", "criticisms": "Kritikpunkte",
    "takeaways": "Das Wichtigste", "vocabulary": "Wortschatz", "questions": "Fragen",
    "multiple_choice": "Kreise den Buchstaben der besten Antwort ein.",
    "select_all": "Kreise die Buchstaben aller richtigen Antworten ein. Es können mehrere richtig sein.",
    "true_false": "Kreise „Richtig“ oder „Falsch“ ein.",
    "multiple_choice_fillable": "Kreuze die beste Antwort an.",
    "select_all_fillable": "Kreuze alle richtigen Antworten an. Es können mehrere richtig sein.",
    "true_false_fillable": "Kreuze „Richtig“ oder „Falsch“ an.",
    "short_answer": "Antworte auf den Linien in ganzen Sätzen.",
    "short_answer_line": "Schreibe deine Antwort auf die Linie.",
    "short_answer_work": "Schreibe deinen Rechenweg und die Antwort auf die Linien.",
    "short_answer_code": "Schreibe den Code auf die Linien.",
    "essay": "Schreibe deine Antwort auf die Linien. Belege sie mit Stellen aus dem Text.",
    "essay_no_reading": "Schreibe deine Antwort auf die Linien.",
    "fill_in_blank": "Ergänze in jeder Lücke das fehlende Wort oder die fehlenden Wörter.",
    "fill_in_blank_bank": "Ergänze in jeder Lücke das fehlende Wort oder die fehlenden Wörter aus dem Wortspeicher.",
    "matching": "Ordne zu: Schreibe auf die Linie neben jeder Nummer den passenden Buchstaben.",
    "ordering": "Bringe die Einträge in die richtige Reihenfolge: Nummeriere die Kästchen, beginnend mit 1.",
    "ordering_places": "Ordne jedem Eintrag seinen Platz in der Reihenfolge zu (1 = der erste).",
    "matching_title": "Wortschatz: Begriffe zuordnen",
    "matching_instructions": "Schreibe auf die Linie neben jedem Begriff den Buchstaben der passenden Erklärung.",
    "one_unused": "Eine Erklärung bleibt übrig.",
    "two_unused": "Zwei Erklärungen bleiben übrig.",
    "unused_in_each_set": "In jedem Block bleiben Erklärungen übrig.",
    "one_unused_in_each_set": "In jedem Block bleibt eine Erklärung übrig.",
    "matching_set": "Block {n}: Begriffe {first}–{last}",
    "matching_set_one": "Block {n}: Begriff {first}",
    "matching_part": "Frage {number} (Fortsetzung): Elemente {first}–{last}, Buchstaben {a}–{b}",
    "cloze_title": "Wortschatz im Zusammenhang",
    "cloze_instructions": ("Ergänze jeden Satz mit einem Wort oder Ausdruck aus dem Wortspeicher. Verwende jeden "
                           "Eintrag nur einmal."),
    "flashcards_title": "Lernkarten",
    "flashcards_instructions": ("Schneide an den gestrichelten Linien entlang. Falte jeden Streifen an der "
                                "gepunkteten Linie, sodass der Begriff auf der einen Seite steht und seine Bedeutung "
                                "auf der anderen."),
    "fold": "falten",
    "flashcards_duplex_title": "Lernkarten (beidseitig)",
    "flashcards_duplex_instructions": ("Drucke diese und die nächste Seite beidseitig auf ein Blatt (an der langen "
                                       "Kante wenden). Schneide an den gestrichelten Linien entlang: Jede Karte hat "
                                       "vorne den Begriff und hinten seine Bedeutung."),
    "fronts": "{title}: Vorderseiten", "backs": "{title}: Rückseiten", "sheet": "Blatt {n} von {total}",
    "backs_note": "Rückseite der vorigen Seite: Jede Bedeutung steht hinter ihrem Begriff.",
    "lines_go_on": "Die Linien gehen auf der nächsten Seite weiter.", "lines_part": "Frage {number} (Fortsetzung)",
    "key_notes": "Hinweise zu den Antworten", "key_note_page": "(Seite {n})",
    "directions": "Fragen {first}–{last}:",
    "field_question": "Frage {n}", "field_blank": "Lücke {k}", "field_choice": "Antwort {letter}", "field_term": "Begriff {k}", "field_item": "Punkt {k}",
    "copy_ends": "Diese Seite bleibt absichtlich leer: Das nächste Exemplar beginnt auf einem neuen Blatt.",
    "blank_page": ("Diese Seite bleibt absichtlich leer: Die folgenden Lernkarten werden auf Vorder- und Rückseite "
                   "eines Blattes gedruckt."),
    "word_search_title": "Wortsuchrätsel",
    "word_search_instructions": ("Finde jedes Wort im Buchstabengitter. Die Wörter verlaufen {ways}. Leerzeichen, "
                                 "Bindestriche und Apostrophe sind weggelassen."),
    "word_search_easy": "waagerecht (von links nach rechts) und senkrecht (von oben nach unten)",
    "word_search_medium": "waagerecht, senkrecht und schräg nach unten",
    "word_search_hard": "in alle acht Richtungen, vorwärts und rückwärts",
    "words_to_find": "Gesuchte Wörter",
    "words_go_on": "Die gesuchten Wörter stehen auf der nächsten Seite.",
    "crossword_title": "Kreuzworträtsel",
    "crossword_instructions": ("Löse das Kreuzworträtsel mithilfe der Hinweise. Lass Leerzeichen, Bindestriche und "
                               "Apostrophe weg; die Zahlen in Klammern geben die Länge jedes Wortes an."),
    "across": "Waagerecht", "down": "Senkrecht", "continued": "{what} (Fortsetzung)",
    "coverage": "Was die Fragen prüfen",
    "coverage_key": "Abdeckung: Lernziele × Fragen (Ansicht für Lehrkräfte)",
    "objective_column": "Lernziel", "questions_column": "Fragen", "points_column": "Punkte",
    "not_checked": "von keiner Frage geprüft", "no_objective": "Kein Lernziel angegeben",
    "organizers": "Grafische Organizer", "who": "Wer", "view": "Sichtweise", "evidence": "Belege", "frayer": "Frayer-Modell", "definition": "Definition", "characteristics": "Merkmale", "examples": "Beispiele", "non_examples": "Gegenbeispiele",
    "quiz": "Test", "notes": "Mitschrift mit Lücken", "cornell": "Cornell-Notizen", "cues": "Fragen", "notes_column": "Notizen",
    "exit_ticket": "Exit-Ticket",
    "answer_grid": "Lösungsübersicht", "number_column": "Nr.", "answer_column": "Antwort",
    "see_key": "siehe Lösungen",
    "quote": "„{text}“", "cited_title": "„{title}“", "decimal": ",",
    "months": "Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember",
    "full_date": "{day}. {month} {year}", "month_year": "{month} {year}", "first_day": "1",
}

PT = {
    # the reading (its heading) and the questions' citations of its lines and paragraphs
    "reading": "Leitura", "cite_line": "linha {n}", "cite_lines": "linhas {first}–{last}", "cite_paragraph": "parágrafo {n}", "cite_paragraphs": "parágrafos {first}–{last}",
    "cite_lead": "{where}:", "next_to": " e ",
    "name": "Nome", "date": "Data", "period": "Turma", "answer_key": "GABARITO", "key_footer": "Gabarito",
    "total": "Total: {points} pontos", "total_one": "Total: {points} ponto", "point": "({n} pt)", "points": "({n} pts)",
    "page": "Página {n} de {total}", "version": "Versão {v}", "seed": "semente {s}", "source": "Fonte:",
    "grade": "Ano {g}", "grades": "Anos {g}", "term": "Termo", "meaning": "Significado",
    "word_bank": "Banco de palavras:", "cloze_definition": "{blank} significa: {definition}", "why": "Explicação:",
    "model_answer": "Resposta esperada:", "example": "Exemplo:", "grading_notes": "Critérios de correção:",
    "also_accept": "Aceite também {others} no lugar de {answer}.", "true": "Verdadeiro", "false": "Falso",
    "summary": "Resumo", "objectives": "Objetivos", "topics": "Temas principais", "perspectives": "Pontos de vista",
    "chart": "Benefícios e críticas", "benefits": "Benefícios", "criticisms": "Críticas",
    "takeaways": "Para lembrar", "vocabulary": "Vocabulário", "questions": "Questões",
    "multiple_choice": "Circule a letra da resposta mais adequada.",
    "select_all": "Circule as letras de todas as respostas corretas; pode haver mais de uma.",
    "true_false": "Circule Verdadeiro ou Falso.",
    "multiple_choice_fillable": "Marque a resposta mais adequada.",
    "select_all_fillable": "Marque todas as respostas corretas; pode haver mais de uma.",
    "true_false_fillable": "Marque Verdadeiro ou Falso.",
    "short_answer": "Responda nas linhas com frases completas.",
    "short_answer_line": "Escreva sua resposta na linha.",
    "short_answer_work": "Mostre seus cálculos e escreva a resposta nas linhas.",
    "short_answer_code": "Escreva o código nas linhas.",
    "essay": "Escreva sua resposta nas linhas. Justifique-a com exemplos do texto.",
    "essay_no_reading": "Escreva sua resposta nas linhas.",
    "fill_in_blank": "Complete cada lacuna com a palavra ou as palavras que faltam.",
    "fill_in_blank_bank": ("Complete cada lacuna com a palavra ou as palavras que faltam, escolhendo-as no banco de "
                           "palavras."),
    "matching": "Na linha ao lado de cada número, escreva a letra correspondente.",
    "ordering": "Numere os quadradinhos na ordem correta, começando pelo 1.",
    "ordering_places": "Associe cada item à sua posição na ordem (1 = o primeiro).",
    "matching_title": "Vocabulário: termos e definições",
    "matching_instructions": "Na linha ao lado de cada termo, escreva a letra da definição correspondente.",
    "one_unused": "Sobra uma definição.",
    "two_unused": "Sobram duas definições.",
    "unused_in_each_set": "Em cada grupo sobram definições.",
    "one_unused_in_each_set": "Em cada grupo sobra uma definição.",
    "matching_set": "Grupo {n}: termos {first}–{last}",
    "matching_set_one": "Grupo {n}: termo {first}",
    "matching_part": "Questão {number} (continuação): itens {first}–{last}, letras {a}–{b}",
    "cloze_title": "Vocabulário em contexto",
    "cloze_instructions": ("Complete cada frase com uma palavra ou expressão do banco de palavras. Use cada uma "
                           "apenas uma vez."),
    "flashcards_title": "Cartões de estudo",
    "flashcards_instructions": ("Recorte nas linhas tracejadas. Dobre cada tira na linha pontilhada, para que o "
                                "termo fique de um lado e o significado do outro."),
    "fold": "dobrar",
    "flashcards_duplex_title": "Cartões de estudo (frente e verso)",
    "flashcards_duplex_instructions": ("Imprima esta página e a seguinte em frente e verso na mesma folha, virando "
                                       "pela borda longa. Recorte nas linhas tracejadas: cada cartão tem o termo na "
                                       "frente e o significado no verso."),
    "fronts": "{title}: frente", "backs": "{title}: verso", "sheet": "folha {n} de {total}",
    "backs_note": "Verso da página anterior: cada significado fica atrás do seu termo.",
    "lines_go_on": "As linhas continuam na página seguinte.", "lines_part": "Questão {number} (continuação)",
    "key_notes": "Notas sobre as respostas", "key_note_page": "(página {n})",
    "directions": "Questões {first}–{last}:",
    "field_question": "Questão {n}", "field_blank": "lacuna {k}", "field_choice": "opção {letter}", "field_term": "termo {k}", "field_item": "item {k}",
    "copy_ends": "Esta página está em branco de propósito: a próxima cópia começa numa folha nova.",
    "blank_page": ("Esta página foi deixada em branco de propósito: os cartões a seguir são impressos nos dois lados "
                   "de uma mesma folha."),
    "word_search_title": "Caça-palavras",
    "word_search_instructions": ("Encontre cada palavra no quadro. As palavras podem estar {ways}. Espaços, hifens e "
                                 "apóstrofos foram retirados."),
    "word_search_easy": "na horizontal (da esquerda para a direita) e na vertical (de cima para baixo)",
    "word_search_medium": "na horizontal, na vertical e na diagonal para baixo",
    "word_search_hard": "em todas as oito direções, de frente para trás ou de trás para frente",
    "words_to_find": "Palavras para encontrar",
    "words_go_on": "As palavras para encontrar estão na página seguinte.",
    "crossword_title": "Palavras cruzadas",
    "crossword_instructions": ("Complete as palavras cruzadas usando as dicas. Não escreva espaços, hifens nem "
                               "apóstrofos; os números entre parênteses indicam o tamanho de cada palavra."),
    "across": "Horizontais", "down": "Verticais", "continued": "{what} (continuação)",
    "coverage": "O que as questões avaliam",
    "coverage_key": "Cobertura: objetivos × questões (visão do professor)",
    "objective_column": "Objetivo", "questions_column": "Questões", "points_column": "Pontos",
    "not_checked": "nenhuma questão avalia", "no_objective": "Sem objetivo indicado",
    "organizers": "Organizadores gráficos", "who": "Quem", "view": "Ponto de vista", "evidence": "Evidências", "frayer": "Modelo de Frayer", "definition": "Definição", "characteristics": "Características", "examples": "Exemplos", "non_examples": "Não exemplos",
    "quiz": "Teste", "notes": "Anotações guiadas", "cornell": "Anotações Cornell", "cues": "Perguntas", "notes_column": "Anotações",
    "exit_ticket": "Bilhete de saída",
    "answer_grid": "Gabarito resumido", "number_column": "Nº", "answer_column": "Resposta",
    "see_key": "ver o gabarito",
    "quote": "“{text}”", "cited_title": "“{title}”", "decimal": ",",
    "months": "janeiro, fevereiro, março, abril, maio, junho, julho, agosto, setembro, outubro, novembro, dezembro",
    "full_date": "{day} de {month} de {year}", "month_year": "{month} de {year}", "first_day": "1º",
}

ZH = {
    # the reading (its heading) and the questions' citations of its lines and paragraphs
    "reading": "阅读材料", "cite_line": "第{n}行", "cite_lines": "第{first}–{last}行", "cite_paragraph": "第{n}段", "cite_paragraphs": "第{first}–{last}段",
    "cite_lead": "{where}：", "next_to": "–",
    "name": "姓名", "date": "日期", "period": "班级", "answer_key": "参考答案", "key_footer": "参考答案",
    "total": "总分：{points} 分", "total_one": "总分：{points} 分", "point": "（{n} 分）", "points": "（{n} 分）", "page": "第 {n} 页，共 {total} 页",
    "version": "{v} 卷", "seed": "随机种子 {s}", "source": "来源：", "grade": "{g} 年级", "grades": "{g} 年级",
    "term": "词语", "meaning": "释义", "word_bank": "词库：", "cloze_definition": "{blank}的意思是：{definition}", "why": "解析：",
    "model_answer": "参考答案：", "example": "例句：", "grading_notes": "评分要点：",
    "also_accept": "{answer}处也可填：{others}。", "true": "正确", "false": "错误",
    "summary": "内容概要", "objectives": "学习目标", "topics": "重点话题", "perspectives": "各方观点",
    "chart": "利与弊", "benefits": "益处", "criticisms": "批评意见", "takeaways": "要点回顾", "vocabulary": "词汇",
    "questions": "练习题",
    "multiple_choice": "圈出最佳答案的字母。",
    "select_all": "圈出所有正确答案的字母（可能不止一个）。",
    "true_false": "圈出“正确”或“错误”。",
    "multiple_choice_fillable": "勾选最佳答案。",
    "select_all_fillable": "勾选所有正确答案（可能不止一个）。",
    "true_false_fillable": "勾选“正确”或“错误”。",
    "short_answer": "在横线上用完整的句子作答。",
    "short_answer_line": "把答案写在横线上。",
    "short_answer_work": "在横线上写出解题过程和答案。",
    "short_answer_code": "在横线上写出代码。",
    "essay": "在横线上写出你的答案，并用阅读材料中的证据支持你的观点。",
    "essay_no_reading": "在横线上写出你的答案。",
    "fill_in_blank": "在每个空格中填入缺少的词语。",
    "fill_in_blank_bank": "从词库中选择词语，填入每个空格。",
    "matching": "在每个序号旁的横线上写出相应选项的字母。",
    "ordering": "在方框中按正确顺序填写序号，1 为第一项。",
    "ordering_places": "为每一项选出它在顺序中的位置（1 为第一项）。",
    "matching_title": "词语配对",
    "matching_instructions": "在每个词语旁的横线上写出对应释义的字母。",
    "one_unused": "其中有一个释义是多余的。",
    "two_unused": "其中有两个释义是多余的。",
    "unused_in_each_set": "每组都有多余的释义。",
    "one_unused_in_each_set": "每组都有一个多余的释义。",
    "matching_set": "第 {n} 组：词语 {first}–{last}",
    "matching_set_one": "第 {n} 组：词语 {first}",
    "matching_part": "第{number}题（续）：第{first}–{last}项，字母 {a}–{b}",
    "cloze_title": "选词填空",
    "cloze_instructions": "从词库中选择合适的词语，把每个句子补充完整。每个词语只用一次。",
    "flashcards_title": "词语卡片",
    "flashcards_instructions": "沿虚线剪开。再沿点线把每一条对折，使词语在一面，释义在另一面。",
    "fold": "折线",
    "flashcards_duplex_title": "词语卡片（双面）",
    "flashcards_duplex_instructions": "将本页和下一页双面打印在同一张纸上（沿长边翻转）。沿虚线剪开：每张卡片正面是词语，背面是释义。",
    "fronts": "{title}：正面", "backs": "{title}：背面", "sheet": "第 {n} 张，共 {total} 张",
    "backs_note": "上一页的背面：每个释义都印在对应词语的背面。",
    "lines_go_on": "答题线接下页。", "lines_part": "第{number}题（续）",
    "key_notes": "答案说明", "key_note_page": "（第{n}页）",
    "directions": "第{first}–{last}题：",
    "field_question": "第{n}题", "field_blank": "第{k}空", "field_choice": "选项{letter}", "field_term": "第{k}个词", "field_item": "第{k}项",
    "copy_ends": "此页特意留白：下一份从新的一张纸开始。",
    "blank_page": "此页特意留白：后面的词语卡片要双面打印在同一张纸上。",
    "word_search_title": "找词游戏",
    "word_search_instructions": "在方格中找出每个词语。词语的方向：{ways}。空格、连字符和撇号均已省去。",
    "word_search_easy": "横向（从左到右）和纵向（从上到下）",
    "word_search_medium": "横向、纵向和向下斜向",
    "word_search_hard": "八个方向均可，可正向也可反向",
    "words_to_find": "要找的词语",
    "words_go_on": "要找的词语在下一页。",
    "crossword_title": "纵横字谜",
    "crossword_instructions": "根据提示完成纵横字谜。不写空格、连字符和撇号；括号中的数字表示每个词的字母数或字数。",
    "across": "横向", "down": "纵向", "continued": "{what}（续）",
    "coverage": "各题考查的目标",
    "coverage_key": "目标覆盖：学习目标 × 题目（教师用）",
    "objective_column": "学习目标", "questions_column": "题号", "points_column": "分值",
    "not_checked": "没有题目考查", "no_objective": "未标注目标",
    "organizers": "图形组织器", "who": "谁", "view": "观点", "evidence": "证据", "frayer": "弗雷尔模型", "definition": "定义", "characteristics": "特征", "examples": "例子", "non_examples": "反例",
    "quiz": "测验", "notes": "引导式笔记", "cornell": "康奈尔笔记", "cues": "提示问题", "notes_column": "笔记",
    "exit_ticket": "出门条",
    "answer_grid": "答案速查表", "number_column": "题号", "answer_column": "答案", "see_key": "见参考答案",
    "quote": "“{text}”", "cited_title": "《{title}》", "decimal": ".",
    "months": "1月, 2月, 3月, 4月, 5月, 6月, 7月, 8月, 9月, 10月, 11月, 12月",
    "full_date": "{year}年{m}月{day}日", "month_year": "{year}年{m}月", "first_day": "1",
}

LANGUAGES = {"en": EN, "es": ES, "fr": FR, "de": DE, "pt": PT, "zh": ZH}
KEYS = tuple(EN)
assert all(set(table) == set(EN) for table in LANGUAGES.values())


# English dates: American (November 14, 2026) for en and en-US, day first for every other region
_EN_DAY_FIRST = {"full_date": "{day} {month} {year}"}


_DRAWING: list[set] = []  # while drawing() records: the set of the labels read so far


class Table(dict):
    """A language's labels, as for_language gives them: a dict that notes each label read while
    :func:`drawing` records, so that a guide in a language not built in is told the labels its build
    prints, not all of them (iterating, as the glyph check does over every label, notes none)."""

    def __getitem__(self, key):
        for drawn in _DRAWING:  # (a build's whole record, and a page's within it)
            drawn.add(key)
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        return self[key] if key in self else default


@contextlib.contextmanager
def drawing(drawn: set | None = None):
    """Records the labels read (by key) while drawing: ``with drawing() as drawn: render(...)``; into
    ``drawn`` when given (a build's record over its parts: the format's subtitle, the pages, the answer
    grid, the class set's blank page). Records nest: an outer one notes what an inner one does."""
    drawn = set() if drawn is None else drawn
    _DRAWING.append(drawn)
    try:
        yield drawn
    finally:
        _DRAWING.pop()


# Labels whose built-in text repeats another label's, in every language: when a guide gives that other
# label and not this one, this one follows the teacher's words (a guide's 'answer_key: SOLUZIONI' makes
# the key's footer 'Soluzioni', not 'Answer Key'; its 'total' serves for one point too; its own instruction
# for multiple choice is the fillable edition's too, the teacher's words over a built-in "Select").
FOLLOWS = {"key_footer": "answer_key", "total_one": "total", "multiple_choice_fillable": "multiple_choice",
           "select_all_fillable": "select_all", "true_false_fillable": "true_false", "matching_set_one": "matching_set"}


# A question going on over a page is named in one wording wherever it does (its rows of choices, its answer
# lines, a matching's later part): built in, `lines_part` is the `continued` label around `field_question`;
# a guide that gives either of those and not `lines_part` gets them put together in the same way.
MADE_OF = {"lines_part": ("continued", "field_question")}
# Labels that open with another's words and go on in their own (built in, a matching's later part opens with
# `lines_part`): when a guide changes that one and not this, this one opens with the guide's words too.
OPENS_WITH = {"matching_part": "lines_part"}


def _following(overrides: dict, base: dict = EN) -> dict:
    """The labels a guide's ``overrides`` give by :data:`FOLLOWS`: the key's footer as the banner's words,
    in small letters after the first when the banner is in capitals (as each language's own footer is);
    `lines_part` from a given `continued` or `field_question` (:data:`MADE_OF`), the other from ``base``; and
    `matching_part` opening with a given or made `lines_part` (:data:`OPENS_WITH`)."""
    out = {}
    for key, source in FOLLOWS.items():
        text = overrides.get(source)
        if key not in overrides and isinstance(text, str):
            out[key] = text[:1] + text[1:].lower() if key == "key_footer" and text.isupper() else text
    for key, (outer, inner) in MADE_OF.items():
        if key not in overrides and (outer in overrides or inner in overrides):
            what = str(overrides.get(inner, base[inner])).replace("{n}", "{number}")
            out[key] = str(overrides.get(outer, base[outer])).replace("{what}", what)
    for key, head in OPENS_WITH.items():
        words = overrides.get(head, out.get(head))
        if key not in overrides and isinstance(words, str) and base[key].startswith(base[head]):
            out[key] = words + base[key][len(base[head]):]
    return out


def for_language(language: str | None, overrides: dict | None = None) -> dict:
    """The labels for a BCP 47 language tag (its first part), with a guide's overrides on top."""
    parts = (language or "en").lower().split("-")
    base = LANGUAGES.get(parts[0], EN)
    regional = _EN_DAY_FIRST if parts[0] == "en" and len(parts) > 1 and parts[1] not in ("us", "latn") else {}
    return Table({**base, **regional, **_following(overrides or {}, base), **(overrides or {})})


# A true/false answer may be written in the guide's language: the True and False it prints (above), in any
# capitals, and that language's yes and no (as English takes yes and no), plus a few everyday words for them
_TRUE_FALSE_MORE = {
    "es": (("sí", "si", "cierto"), ("no",)),
    "fr": (("oui",), ("non",)),
    "de": (("wahr", "ja"), ("nein",)),  # the sheet prints Richtig/Falsch; wahr/falsch is as common
    "pt": (("sim",), ("não", "nao")),
    "zh": (("对", "是", "真"), ("错", "否", "假")),
}


def true_false_words(language: str | None) -> dict[str, bool]:
    """Words (case-folded) a true/false answer may be written as in a guide in ``language``, beyond English's."""
    code = (language or "en").lower().split("-")[0]
    if code == "en" or code not in LANGUAGES:
        return {}
    more_true, more_false = _TRUE_FALSE_MORE.get(code, ((), ()))
    words = {word.casefold(): True for word in (LANGUAGES[code]["true"], *more_true)}
    words.update({word.casefold(): False for word in (LANGUAGES[code]["false"], *more_false)})
    return words


# A language written by its name, in English or in itself ('language: français'): the code to write.
# (Facts: ISO 639-1 codes.) Looked up case-folded, accents kept or dropped.
LANGUAGE_NAMES = {
    "en": "english anglais inglés inglês englisch",
    "es": "spanish español castellano espagnol spanisch espanhol",
    "fr": "french français francés francês französisch",
    "de": "german deutsch allemand alemán alemão",
    "pt": "portuguese português portugais portugués portugiesisch",
    "zh": "chinese 中文 汉语 漢語 普通话 mandarin chinois chino chinês chinesisch",
    "it": "italian italiano italien italienisch", "nl": "dutch nederlands", "ja": "japanese 日本語",
    "ko": "korean 한국어", "ar": "arabic العربية", "he": "hebrew עברית", "ru": "russian русский",
    "uk": "ukrainian українська", "pl": "polish polski", "tr": "turkish türkçe", "vi": "vietnamese",
    "hi": "hindi हिन्दी", "el": "greek ελληνικά", "sv": "swedish svenska", "fa": "persian farsi فارسی",
    "ht": "haitian kreyòl", "tl": "tagalog", "fil": "filipino", "so": "somali", "sw": "swahili kiswahili",
    "ur": "urdu اردو",
}
_BY_NAME = {name: code for code, names in LANGUAGE_NAMES.items() for name in names.split()}


def code_of(name: str) -> str | None:
    """The code of a language written by its name ('Français', 'Deutsch', 'tiếng việt'), or None."""
    from .scripts import folded as without_accents

    spaced = " ".join(name.split()).casefold()
    bare = without_accents(spaced)
    by_bare = {without_accents(k): v for k, v in _BY_NAME.items()}
    return _BY_NAME.get(spaced) or by_bare.get(bare) or \
        {"tieng viet": "vi", "haitian creole": "ht", "kreyol ayisyen": "ht"}.get(bare)


NOT_BUILT_IN = "no built-in labels for"


def built_in(language: str | None) -> bool:
    """Whether the language (its first subtag) has labels of its own."""
    return (language or "en").lower().split("-")[0] in LANGUAGES


def not_built_in(language: str | None, overrides: dict | None, drawn: set | None = None,
                 prints: str = "this guide prints") -> str | None:
    """What a guide in a language with no labels of its own is told, once. Read alone (validate), which
    labels print is not known: it names no count ('check' and 'build' do). ``drawn``: the labels its
    build printed (:func:`drawing`): those not given are named, and nothing is said when all are."""
    if built_in(language):
        return None
    given = {**_following(overrides or {}), **(overrides or {})}
    given = {k: v for k, v in given.items() if k not in OPENS_WITH or k in (overrides or {})}  # (its rest: English)
    if drawn is not None:
        for key, parts in MADE_OF.items():  # (made of a given label and an English one: that one is named)
            if key in drawn and key in given and key not in (overrides or {}):
                drawn = drawn | set(parts)
        left = [k for k in KEYS if k in drawn and k not in given]
        return (f"{NOT_BUILT_IN} '{language}': {len(left)} of the labels {prints} are not given under "
                f"'labels:' and print in English; write each under 'labels:' in the guide's language, its {{...}} "
                f"parts kept. {untranslated.listed(left, EN)} (docs/guide-format.md#labels)") if left else None
    if not given:
        return (f"{NOT_BUILT_IN} '{language}': Name, Date, headings and instructions print in English; give them "
                "under 'labels:' ('studyguide check' names the ones this guide prints; docs/guide-format.md#labels)")
    if len(given) < len(KEYS):
        return (f"{NOT_BUILT_IN} '{language}': the labels not given under 'labels:' print in English "
                "('studyguide check' names those this guide prints)")
    return None


def retold(warnings: list, language: str | None, overrides: dict | None, drawn: set,
           prints: str = "this guide prints") -> list:
    """``warnings`` with the one of a language not built in told again from the labels the build (or the export
    that ``prints`` names) printed (``drawn``): naming those not given, or left out when all are."""
    out = []
    for warning in warnings:
        if warning.message.startswith(f"language: {NOT_BUILT_IN}"):
            why = not_built_in(language, overrides, drawn, prints)
            if not why:
                continue
            warning = dataclasses.replace(warning, message=f"language: {why}")
        out.append(warning)
    return out


# -- sentences, numbers and dates ----------------------------------------------------------------



def span(table: dict, key: str, first: int, last: int) -> str:
    """A range label ('lines {first}–{last}', 'Questions {first}–{last}:') for ``first`` to ``last``; two
    numbers side by side are joined by the language's ``next_to`` ('lignes 15 et 16', not '15 à 16')."""
    text = table[key]
    if last == first + 1:
        joiner = table["next_to"].replace("{", "{{").replace("}", "}}")
        text = re.sub(r"\{first\}.*?\{last\}", lambda m: "{first}" + joiner + "{last}", text, count=1)
    return text.format(first=first, last=last)


def _closed(text: str) -> bool:
    """Whether text ends in full-width punctuation or a CJK character (a range test: a regex of
    these ranges costs 5 ms to compile on every start)."""
    c = text[-1:]
    return bool(c) and ("\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or "\u4e00" <= c <= "\u9fff")


def sentences(*parts: str) -> str:
    """Sentences run on: a space between them, none after full-width punctuation (Chinese 。)."""
    out = ""
    for part in filter(None, parts):
        out += part if not out or _closed(out) else " " + part
    return out


def number(value: float, table: dict) -> str:
    """2.0 → '2', 2.5 → '2.5' or '2,5': the shortest form, with the table's decimal separator."""
    text = f"{value:g}"
    return text.replace(".", table["decimal"]) if "." in text else text  # (read, so named, only where it prints)


def format_number(value: float, language: str | None = "en", overrides: dict | None = None) -> str:
    """A number as the language writes it: ``format_number(2.5, "de")`` → '2,5'."""
    return number(value, for_language(language, overrides))


_ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def date(text: str, table: dict) -> str:
    """An ISO date (2025-03-14, or 2025-03) as the table writes a full date; anything else as typed."""
    match = _ISO.fullmatch(text.strip())
    if not match:
        return text
    year, month, day = (int(g) if g else None for g in match.groups())
    months = [m.strip() for m in table["months"].split(",")]
    try:
        import datetime  # only when a date is printed

        datetime.date(year, month, day or 1)  # 2025-02-30 is not a date: print it as typed
        fill = {"year": year, "m": month, "month": months[month - 1]}
        if day is None:
            return table["month_year"].format(**fill)
        return table["full_date"].format(day=table["first_day"] if day == 1 else day, **fill)
    except (ValueError, IndexError, KeyError):  # no such day, or months / a pattern overridden amiss
        return text


def format_date(text: str, language: str | None = "en", overrides: dict | None = None) -> str:
    """``format_date("2025-03-14", "de")`` → '14. März 2025'; text that is not ISO comes back as typed."""
    return date(text, for_language(language, overrides))
