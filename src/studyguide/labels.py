"""Every word studyguide prints on its own, in the class's language.

Chosen by the guide's `language:` (its first subtag: pt-BR → pt); a guide's
`labels:` overrides any single label. Languages not listed print English.
"""
from __future__ import annotations

EN = {
    "name": "Name", "date": "Date", "period": "Period", "answer_key": "ANSWER KEY", "key_footer": "Answer Key",
    "total": "Total: {points} points", "point": "({n} pt)", "points": "({n} pts)", "page": "Page {n} of {total}",
    "version": "Version {v}", "seed": "seed {s}", "source": "Source:", "grade": "Grade {g}", "grades": "Grades {g}",
    "term": "Term", "meaning": "Meaning", "word_bank": "Word bank:", "why": "Why:",
    "also_accept": "Also accept {others} for {answer}.", "true": "True", "false": "False",
    "summary": "Summary", "objectives": "Objectives", "topics": "Key Topics", "perspectives": "Perspectives",
    "chart": "Benefits and Criticisms", "benefits": "Benefits", "criticisms": "Criticisms",
    "takeaways": "Key Takeaways", "vocabulary": "Vocabulary", "questions": "Questions",
    "multiple_choice": "Circle the letter of the best answer.",
    "select_all": "Circle the letter of every correct answer; there may be more than one.",
    "true_false": "Circle True or False.",
    "short_answer": "Answer in complete sentences on the lines.",
    "essay": "Write your answer on the lines. Support it with evidence from the reading.",
    "fill_in_blank": "Write the missing word or words in each blank.",
    "fill_in_blank_bank": "Write the missing word or words in each blank, choosing from the word bank.",
    "matching": "Write the letter of the matching item on the line beside each number.",
    "ordering": "Number the items in the boxes in the right order, 1 for the first.",
}

ES = {
    "name": "Nombre", "date": "Fecha", "period": "Curso", "answer_key": "CLAVE DE RESPUESTAS",
    "key_footer": "Clave de respuestas", "total": "Total: {points} puntos", "point": "({n} pto.)",
    "points": "({n} ptos.)", "page": "Página {n} de {total}", "version": "Versión {v}", "seed": "semilla {s}",
    "source": "Fuente:", "grade": "Grado {g}", "grades": "Grados {g}", "term": "Término", "meaning": "Significado",
    "word_bank": "Banco de palabras:", "why": "Por qué:", "also_accept": "Acepte también {others} en lugar de {answer}.",
    "true": "Verdadero", "false": "Falso",
    "summary": "Resumen", "objectives": "Objetivos", "topics": "Temas clave", "perspectives": "Puntos de vista",
    "chart": "Beneficios y críticas", "benefits": "Beneficios", "criticisms": "Críticas",
    "takeaways": "Ideas clave", "vocabulary": "Vocabulario", "questions": "Preguntas",
    "multiple_choice": "Encierra en un círculo la letra de la mejor respuesta.",
    "select_all": "Encierra en un círculo la letra de cada respuesta correcta; puede haber más de una.",
    "true_false": "Encierra en un círculo Verdadero o Falso.",
    "short_answer": "Responde en las líneas con oraciones completas.",
    "essay": "Escribe tu respuesta en las líneas. Apóyala con evidencia de la lectura.",
    "fill_in_blank": "Escribe en cada espacio la palabra o las palabras que faltan.",
    "fill_in_blank_bank": "Escribe en cada espacio la palabra o las palabras que faltan; elígelas del banco de palabras.",
    "matching": "En la línea junto a cada número, escribe la letra del elemento que le corresponde.",
    "ordering": "Numera los elementos en las casillas en el orden correcto; el 1 es el primero.",
}

FR = {
    "name": "Nom", "date": "Date", "period": "Classe", "answer_key": "CORRIGÉ", "key_footer": "Corrigé",
    "total": "Total\u00a0: {points} points", "point": "({n} pt)", "points": "({n} pts)",
    "page": "Page {n} sur {total}", "version": "Version {v}", "seed": "graine {s}", "source": "Source\u00a0:",
    "grade": "Niveau {g}", "grades": "Niveaux {g}", "term": "Terme", "meaning": "Définition",
    "word_bank": "Banque de mots\u00a0:", "why": "Pourquoi\u00a0:", "also_accept": "Accepter aussi {others} pour {answer}.",
    "true": "Vrai", "false": "Faux",
    "summary": "Résumé", "objectives": "Objectifs", "topics": "Thèmes clés", "perspectives": "Points de vue",
    "chart": "Avantages et critiques", "benefits": "Avantages", "criticisms": "Critiques",
    "takeaways": "À retenir", "vocabulary": "Vocabulaire", "questions": "Questions",
    "multiple_choice": "Entoure la lettre de la bonne réponse.",
    "select_all": "Entoure la lettre de chaque bonne réponse\u00a0; il peut y en avoir plusieurs.",
    "true_false": "Entoure Vrai ou Faux.",
    "short_answer": "Réponds sur les lignes par des phrases complètes.",
    "essay": "Écris ta réponse sur les lignes. Appuie-la sur des éléments du texte.",
    "fill_in_blank": "Écris dans chaque blanc le ou les mots qui manquent.",
    "fill_in_blank_bank": "Écris dans chaque blanc le ou les mots qui manquent, choisis dans la banque de mots.",
    "matching": "Sur la ligne à côté de chaque numéro, écris la lettre de l’élément qui lui correspond.",
    "ordering": "Numérote les éléments dans les cases, dans le bon ordre\u00a0: 1 pour le premier.",
}

DE = {
    "name": "Name", "date": "Datum", "period": "Klasse", "answer_key": "LÖSUNGEN", "key_footer": "Lösungen",
    "total": "Gesamt: {points} Punkte", "point": "({n} Pkt.)", "points": "({n} Pkt.)",
    "page": "Seite {n} von {total}", "version": "Version {v}", "seed": "Startwert {s}", "source": "Quelle:",
    "grade": "Jahrgangsstufe {g}", "grades": "Jahrgangsstufen {g}", "term": "Begriff", "meaning": "Bedeutung",
    "word_bank": "Wortspeicher:", "why": "Begründung:", "also_accept": "Ebenfalls richtig: {others} statt {answer}.",
    "true": "Richtig", "false": "Falsch",
    "summary": "Zusammenfassung", "objectives": "Lernziele", "topics": "Schwerpunkte", "perspectives": "Sichtweisen",
    "chart": "Vorteile und Kritik", "benefits": "Vorteile", "criticisms": "Kritikpunkte",
    "takeaways": "Das Wichtigste", "vocabulary": "Wortschatz", "questions": "Fragen",
    "multiple_choice": "Kreise den Buchstaben der besten Antwort ein.",
    "select_all": "Kreise die Buchstaben aller richtigen Antworten ein; es kann mehr als eine geben.",
    "true_false": "Kreise Richtig oder Falsch ein.",
    "short_answer": "Antworte auf den Linien in ganzen Sätzen.",
    "essay": "Schreibe deine Antwort auf die Linien. Belege sie mit Stellen aus dem Text.",
    "fill_in_blank": "Schreibe das fehlende Wort oder die fehlenden Wörter in jede Lücke.",
    "fill_in_blank_bank": "Schreibe das fehlende Wort oder die fehlenden Wörter in jede Lücke; wähle aus dem Wortspeicher.",
    "matching": "Schreibe auf die Linie neben jeder Nummer den Buchstaben des passenden Eintrags.",
    "ordering": "Nummeriere die Einträge in den Kästchen in der richtigen Reihenfolge, 1 für den ersten.",
}

PT = {
    "name": "Nome", "date": "Data", "period": "Turma", "answer_key": "GABARITO", "key_footer": "Gabarito",
    "total": "Total: {points} pontos", "point": "({n} pt)", "points": "({n} pts)",
    "page": "Página {n} de {total}", "version": "Versão {v}", "seed": "semente {s}", "source": "Fonte:",
    "grade": "Ano {g}", "grades": "Anos {g}", "term": "Termo", "meaning": "Significado",
    "word_bank": "Banco de palavras:", "why": "Por quê:", "also_accept": "Aceite também {others} no lugar de {answer}.",
    "true": "Verdadeiro", "false": "Falso",
    "summary": "Resumo", "objectives": "Objetivos", "topics": "Temas principais", "perspectives": "Pontos de vista",
    "chart": "Benefícios e críticas", "benefits": "Benefícios", "criticisms": "Críticas",
    "takeaways": "Pontos principais", "vocabulary": "Vocabulário", "questions": "Questões",
    "multiple_choice": "Circule a letra da melhor resposta.",
    "select_all": "Circule a letra de cada resposta correta; pode haver mais de uma.",
    "true_false": "Circule Verdadeiro ou Falso.",
    "short_answer": "Responda nas linhas com frases completas.",
    "essay": "Escreva sua resposta nas linhas. Apoie-a com evidências do texto.",
    "fill_in_blank": "Escreva em cada lacuna a palavra ou as palavras que faltam.",
    "fill_in_blank_bank": "Escreva em cada lacuna a palavra ou as palavras que faltam, escolhendo do banco de palavras.",
    "matching": "Na linha ao lado de cada número, escreva a letra do item correspondente.",
    "ordering": "Numere os itens nos quadrados na ordem correta, 1 para o primeiro.",
}

ZH = {
    "name": "姓名", "date": "日期", "period": "班级", "answer_key": "答案", "key_footer": "答案",
    "total": "总分：{points} 分", "point": "（{n} 分）", "points": "（{n} 分）", "page": "第 {n} 页，共 {total} 页",
    "version": "{v} 卷", "seed": "种子 {s}", "source": "来源：", "grade": "{g} 年级", "grades": "{g} 年级",
    "term": "词语", "meaning": "释义", "word_bank": "词库：", "why": "解析：",
    "also_accept": "“{answer}”处也可填：{others}。", "true": "正确", "false": "错误",
    "summary": "概要", "objectives": "学习目标", "topics": "重点话题", "perspectives": "各方观点",
    "chart": "利与弊", "benefits": "好处", "criticisms": "批评", "takeaways": "要点", "vocabulary": "词汇",
    "questions": "练习题",
    "multiple_choice": "圈出最佳答案的字母。",
    "select_all": "圈出所有正确答案的字母（可能不止一个）。",
    "true_false": "圈出“正确”或“错误”。",
    "short_answer": "在横线上用完整的句子作答。",
    "essay": "在横线上写出你的答案，并用阅读材料中的证据支持你的观点。",
    "fill_in_blank": "在每个空格中填入缺少的词语。",
    "fill_in_blank_bank": "从词库中选择，在每个空格中填入缺少的词语。",
    "matching": "在每个数字旁的横线上写出与之对应的项目的字母。",
    "ordering": "在方框中按正确顺序给各项编号，1 为第一项。",
}

LANGUAGES = {"en": EN, "es": ES, "fr": FR, "de": DE, "pt": PT, "zh": ZH}
KEYS = tuple(EN)
assert all(set(table) == set(EN) for table in LANGUAGES.values())


def for_language(language: str | None, overrides: dict | None = None) -> dict:
    """The labels for a BCP 47 language tag (its first part), with a guide's overrides on top."""
    base = LANGUAGES.get((language or "en").split("-")[0].lower(), EN)
    return {**base, **(overrides or {})}
